import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { ensureLocalSecret, randomSecret } from "../config/env-file";
import type { Db } from "../db/client";
import { engineConfig, rewriteModelFromEnv } from "./config";
import type { EngineServices } from "./context";
import { createRuleDecider } from "./decide";
import type { Decider } from "./decide/types";
import { createHttpHandler } from "./http";
import { KeyedMutex } from "./mutex";
import { Hub } from "./realtime/hub";
import { createSocketServer } from "./realtime/socket-server";
import { DeliveryScheduler } from "./scheduler";

export interface EngineOptions {
  db: Db;
  grantSecret?: string;
  decider?: Decider;
}

/** The embedded Turn-taking engine: HTTP actions, realtime sockets and the delivery scheduler. */
export function createEngine({ db, grantSecret, decider }: EngineOptions) {
  const config = engineConfig();
  const hub = new Hub();
  const services: EngineServices = {
    db,
    hub,
    scheduler: new DeliveryScheduler(db, hub),
    threadLocks: new KeyedMutex(),
    decider: decider ?? createRuleDecider(),
    grantSecret: grantSecret ?? ensureLocalSecret("ENGINE_GRANT_SECRET", randomSecret),
    rewriteModel: rewriteModelFromEnv(),
    publicWsUrl: config.publicWsUrl,
  };
  const http = createHttpHandler(services, config.bodyLimit);
  const sockets = createSocketServer({
    hub,
    grantSecret: services.grantSecret,
    pingIntervalMs: config.pingIntervalMs,
  });

  return {
    services,
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
      await services.scheduler.stop();
      await sockets.close();
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
