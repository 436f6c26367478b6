import type WebSocket from "ws";
import type { Envelope } from "./frames";

/**
 * Fan-out of frames to every socket attached to a thread. One serialized string per
 * frame, so all sockets get identical bytes (and identical ids).
 */
export class Hub {
  private readonly sockets = new Map<string, Set<WebSocket>>();

  attach(threadPk: string, socket: WebSocket): void {
    let set = this.sockets.get(threadPk);
    if (!set) {
      set = new Set();
      this.sockets.set(threadPk, set);
    }
    set.add(socket);
    socket.once("close", () => {
      set.delete(socket);
      if (set.size === 0 && this.sockets.get(threadPk) === set) this.sockets.delete(threadPk);
    });
  }

  publish(threadPk: string, frame: Envelope): void {
    const set = this.sockets.get(threadPk);
    if (!set) return;
    const text = JSON.stringify(frame);
    for (const socket of set) if (socket.readyState === socket.OPEN) socket.send(text);
  }

  get socketCount(): number {
    let n = 0;
    for (const set of this.sockets.values()) n += set.size;
    return n;
  }

  closeAll(code = 1001): void {
    for (const set of this.sockets.values()) for (const socket of set) socket.close(code);
    this.sockets.clear();
  }
}
