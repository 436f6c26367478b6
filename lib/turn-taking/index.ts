// Public API of the Turn-taking client. The HTTP client holds the API key and is for the server
// only; the socket helper and frame types are browser-safe (import from "@/lib/turn-taking/socket" in client
// components to keep the bundle small).

export type { CallOptions, TurnTakingClient, TurnTakingClientOptions } from "./client";
export { createTurnTakingClient, TURN_TAKING_PATHS } from "./client";
export type { TurnTakingConfig, TurnTakingMode } from "./config";
export { turnTakingConfigFromEnv } from "./config";
export type {
  TurnTakingErrorCode,
  TurnTakingErrorDetail,
  TurnTakingErrorInit,
  TurnTakingErrorKind,
} from "./errors";
export { isTurnTakingError, TurnTakingError } from "./errors";
export type { ParsedFrame } from "./frames";
export { parseFrame } from "./frames";
export type {
  ConnectThreadSocketOptions,
  ThreadSocket,
  ThreadSocketStatus,
  WebSocketConstructor,
  WebSocketLike,
} from "./socket";
export { connectThreadSocket, GRANT_REJECTED_CLOSE_CODE } from "./socket";
export type * from "./types";
