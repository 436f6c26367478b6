// Reconnecting subscriber to one thread's realtime socket. Runs in browsers and in Node (with an
// injected WebSocket such as `ws`). It only ever sees a `connect_url`, never an API key: the
// caller's `getConnectUrl` asks the server, which re-opens the thread for a fresh grant.

import { backoffDelay } from "./backoff";
import { parseFrame } from "./frames";
import { RecentIds } from "./recent-ids";
import type { TurnTakingFrame } from "./types";

/** Method-declared, so handler parameters are checked bivariantly and both DOM and `ws` sockets fit. */
type Handler<E> = { bivarianceHack(event: E): void }["bivarianceHack"];

/** The subset of the WebSocket API used here; the DOM `WebSocket` and `ws` both satisfy it. */
export interface WebSocketLike {
  onmessage: Handler<{ data: unknown }> | null;
  onclose: Handler<{ code: number; reason: string }> | null;
  onerror: Handler<unknown> | null;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** "open" means attached (the server accepted the grant), not merely upgraded. */
export type ThreadSocketStatus = "connecting" | "open" | "reconnecting" | "closed";

export interface ConnectThreadSocketOptions {
  /** A fresh `connect_url`: grants only admit new connections for ~30 s, so never cache one. */
  getConnectUrl: () => Promise<string>;
  /** Each envelope frame once, even across reconnects. */
  onFrame: (frame: TurnTakingFrame) => void;
  onStatus?: (status: ThreadSocketStatus) => void;
  /** Failures that are handled by reconnecting or skipping, reported for logging. */
  onError?: (error: Error) => void;
  WebSocketImpl?: WebSocketConstructor;
  backoff?: { initialMs?: number; maxMs?: number };
  /** How many recent frame ids to remember for de-duplication. */
  dedupeCapacity?: number;
}

export interface ThreadSocket {
  /** Closes the socket and stops reconnecting. Idempotent. */
  close(): void;
}

/** The server closes an expired or invalid grant's socket with this code. */
export const GRANT_REJECTED_CLOSE_CODE = 4000;

const noop = () => {};

function frameText(data: unknown): string | undefined {
  if (typeof data === "string") return data;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return new TextDecoder().decode(data);
  return undefined;
}

export function connectThreadSocket({
  getConnectUrl,
  onFrame,
  onStatus,
  onError,
  WebSocketImpl,
  backoff = {},
  dedupeCapacity = 500,
}: ConnectThreadSocketOptions): ThreadSocket {
  const found = WebSocketImpl ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  // Node 20 has no global WebSocket; there, pass `ws`.
  if (!found) throw new TypeError("connectThreadSocket: no global WebSocket; pass WebSocketImpl");
  const Impl: WebSocketConstructor = found;
  const initialMs = backoff.initialMs ?? 500;
  const maxMs = backoff.maxMs ?? 10_000;
  const seen = new RecentIds(dedupeCapacity);

  let stopped = false;
  let status: ThreadSocketStatus | undefined;
  let current: WebSocketLike | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Consecutive failed connections; reset once a socket attaches.
  let failures = 0;

  const setStatus = (next: ThreadSocketStatus) => {
    if (next === status) return;
    status = next;
    onStatus?.(next);
  };
  const report = (error: unknown, message = "turn-taking socket error") =>
    onError?.(error instanceof Error ? error : new Error(message, { cause: error }));

  function scheduleReconnect() {
    if (stopped) return;
    setStatus("reconnecting");
    const delay = backoffDelay(failures, initialMs, maxMs);
    failures += 1;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
  }

  async function connect() {
    let url: string;
    try {
      url = await getConnectUrl();
    } catch (error) {
      report(error, "getConnectUrl failed");
      scheduleReconnect();
      return;
    }
    if (stopped) return;

    let socket: WebSocketLike;
    try {
      socket = new Impl(url);
    } catch (error) {
      report(error, "could not open the socket");
      scheduleReconnect();
      return;
    }
    current = socket;
    let ended = false;
    // Close and error both end a connection (usually both fire); reconnect once. Handlers are
    // swapped for no-ops rather than nulled: `ws` throws on an "error" nobody listens to.
    const end = () => {
      if (ended) return;
      ended = true;
      socket.onmessage = noop;
      socket.onclose = noop;
      socket.onerror = noop;
      if (current === socket) current = undefined;
      scheduleReconnect();
    };

    socket.onmessage = (event) => {
      const text = frameText(event.data);
      const parsed = text === undefined ? undefined : parseFrame(text);
      if (!parsed || parsed.kind === "invalid") {
        report(new Error(`ignored a malformed frame: ${parsed?.reason ?? "not text"}`));
        return;
      }
      if (parsed.kind === "attached") {
        failures = 0;
        setStatus("open");
        return;
      }
      if (parsed.kind === "unknown") return;
      // A replayed frame (same envelope id) after a reconnect is delivered only once.
      if (!seen.add(parsed.frame.id)) return;
      try {
        onFrame(parsed.frame);
      } catch (error) {
        report(error, "onFrame threw");
      }
    };
    // Code 4000 (expired/invalid grant) needs nothing special: every reconnect fetches a fresh URL.
    socket.onclose = end;
    socket.onerror = (event) => {
      report(event);
      try {
        socket.close();
      } catch {
        // already closing
      }
      end();
    };
  }

  setStatus("connecting");
  void connect();

  return {
    close() {
      if (stopped) return;
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      const socket = current;
      current = undefined;
      if (socket) {
        socket.onmessage = noop;
        socket.onclose = noop;
        socket.onerror = noop;
        try {
          socket.close(1000, "client closed");
        } catch {
          // already closing
        }
      }
      setStatus("closed");
    },
  };
}
