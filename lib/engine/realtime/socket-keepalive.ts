import type WebSocket from "ws";

/** Ticks per interval: each pings its share of the sockets. */
const SLICES = 25;

/**
 * Pings every socket once per `intervalMs` and drops one that has not answered the previous
 * ping, with the pings spread over the interval in slices: pinging thousands of sockets in
 * one go held the event loop for tens of ms, and every bubble due meanwhile went out late.
 * A round starts at most once per interval, however few sockets there are: a socket always
 * has a whole interval to answer.
 */
export function startKeepalive(sockets: () => Iterable<WebSocket>, intervalMs: number): { stop(): void } {
  const answered = new WeakMap<WebSocket, boolean>();
  let round: WebSocket[] = [];
  let next = 0;
  let roundStartedAt = Number.NEGATIVE_INFINITY;
  const tick = () => {
    if (next >= round.length) {
      const now = Date.now();
      if (now - roundStartedAt < intervalMs) return;
      round = [...sockets()];
      next = 0;
      roundStartedAt = now;
    }
    const end = Math.min(round.length, next + Math.ceil(round.length / SLICES));
    for (; next < end; next++) {
      const socket = round[next]!;
      if (socket.readyState !== socket.OPEN) continue;
      if (answered.get(socket) === false) {
        socket.terminate();
        continue;
      }
      answered.set(socket, false);
      socket.once("pong", () => answered.set(socket, true));
      socket.ping();
    }
  };
  const timer = setInterval(tick, Math.max(1, Math.floor(intervalMs / SLICES)));
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
