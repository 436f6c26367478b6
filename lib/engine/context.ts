import type { LanguageModel } from "ai";
import type { KeyedMutex } from "../async/keyed-mutex";
import type { Decider } from "./decide/types";
import type { ThreadHistory } from "./history";
import type { Principal } from "./keys";
import type { PrincipalCache } from "./principal-cache";
import type { Hub } from "./realtime/hub";
import type { DeliveryScheduler } from "./scheduler";
import type { RecentEvents } from "./signals/events";
import type { SilenceWatch } from "./signals/silence-watch";
import type { Sql } from "./store/sql";
import type { ThreadCache } from "./threads";

/** What every action gets: the engine's shared services plus who is calling and from where. */
export interface EngineServices {
  sql: Sql;
  principals: PrincipalCache;
  hub: Hub;
  scheduler: DeliveryScheduler;
  threadLocks: KeyedMutex;
  history: ThreadHistory;
  threads: ThreadCache;
  events: RecentEvents;
  silence: SilenceWatch;
  decider: Decider;
  grantSecret: string;
  /** When set, respond rewrites drafts with this model (falling back to the deterministic path). */
  rewriteModel: LanguageModel | null;
  publicWsUrl: string | null;
}

export interface ActionContext extends EngineServices {
  principal: Principal;
  /** Origin the caller used, e.g. http://127.0.0.1:3000, for building connect_url. */
  origin: string;
}
