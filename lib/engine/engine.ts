import type { IncomingMessage, ServerOptions, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { KeyedMutex } from "../async/keyed-mutex";
import { ensureLocalSecret, randomSecret } from "../config/env-file";
import { deciderModelFromEnv, engineConfig, rewriteModelFromEnv } from "./config";
import type { EngineServices } from "./context";
import { createModelDecider, createRuleDecider } from "./decide";
import type { Decider } from "./decide/types";
import { ThreadHistory } from "./history";
import { createHttpHandler } from "./http";
import { PrincipalCache } from "./principal-cache";
import { WriteRateLimit } from "./rate-limit";
import { Hub } from "./realtime/hub";
import { RedisFrameRelay } from "./realtime/redis-frame-relay";
import { createSocketServer } from "./realtime/socket-server";
import { DeliveryScheduler } from "./scheduler";
import { RecentEvents } from "./signals/events";
import { SilenceWatch } from "./signals/silence-watch";
import { openSql, type Sql } from "./store/sql";
import { ThreadCache } from "./threads";

export interface EngineOptions {
  /** Defaults to DATABASE_URL (a SQLite file under data/ when unset). */
  sql?: Sql;
  grantSecret?: string;
  decider?: Decider;
}

/** Deterministic by default; a configured model decides with the rules as its fallback. */
function defaultDecider(): Decider {
  const model = deciderModelFromEnv();
  return model ? createModelDecider({ model, fallback: createRuleDecider() }) : createRuleDecider();
}

/** The embedded Turn-taking engine: HTTP actions, realtime sockets and the delivery scheduler. */
export function createEngine({ sql = openSql(), grantSecret, decider }: EngineOptions = {}) {
  const config = engineConfig();
  const relay = config.redisUrl
    ? new RedisFrameRelay(config.redisUrl, (threadPk, text) => hub.deliver(threadPk, text))
    : null;
  const hub = new Hub(relay);
  const history = new ThreadHistory(sql);
  const services: EngineServices = {
    sql,
    principals: new PrincipalCache(sql),
    hub,
    history,
    threads: new ThreadCache(sql),
    events: new RecentEvents(sql),
    silence: new SilenceWatch(),
    scheduler: new DeliveryScheduler(sql, hub, history),
    threadLocks: new KeyedMutex(),
    decider: decider ?? defaultDecider(),
    grantSecret: grantSecret ?? ensureLocalSecret("ENGINE_GRANT_SECRET", randomSecret),
    rewriteModel: rewriteModelFromEnv(),
    publicWsUrl: config.publicWsUrl,
  };
  const http = createHttpHandler(services, {
    bodyLimit: config.bodyLimit,
    bodyTimeoutMs: config.bodyTimeoutMs,
    maxBodiesInFlight: config.maxBodiesInFlight,
    writeRate: new WriteRateLimit({ perSecond: config.writeRatePerSecond, burst: config.writeBurst }),
  });
  const sockets = createSocketServer({
    hub,
    grantSecret: services.grantSecret,
    pingIntervalMs: config.pingIntervalMs,
  });

  return {
    services,
    /**
     * Options for the node:http server the engine is served from: slow clients get their
     * headers in within the configured time and the whole request within headers + body
     * time (Node checks every `connectionsCheckingInterval`, 30 s by default: too coarse).
     */
    serverOptions: {
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.headersTimeoutMs + config.bodyTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, config.headersTimeoutMs),
      // An app's kept-alive sockets outlive a quiet minute (Node's 5 s closed them between bursts).
      keepAliveTimeout: 65_000,
    } satisfies ServerOptions,
    handleRequest(req: IncomingMessage, res: ServerResponse): void {
      void http(req, res);
    },
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      sockets.handleUpgrade(req, socket, head);
    },
    /** Re-arms every bubble still scheduled in the database (after a crash or restart). */
    async start(): Promise<number> {
      return services.scheduler.recover();
    },
    async stop(): Promise<void> {
      services.silence.stop();
      await services.scheduler.stop();
      await sockets.close();
      await hub.close();
      await sql.close();
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
