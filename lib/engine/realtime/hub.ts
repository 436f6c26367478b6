import type WebSocket from "ws";
import type { FrameRelay } from "./frame-relay";
import type { Envelope } from "./frames";

/**
 * Fan-out of frames to every socket attached to a thread. One serialized string per
 * frame, so all sockets get identical bytes (and identical ids), on this instance and,
 * through the relay when there is one, on every other.
 */
export class Hub {
  private readonly sockets = new Map<string, Set<WebSocket>>();
  private readonly attachListeners: ((threadPk: string) => void)[] = [];

  constructor(private readonly relay: FrameRelay | null = null) {}

  /** Called after each socket attaches (e.g. to hand it bubbles held while nobody listened). */
  onAttach(listener: (threadPk: string) => void): void {
    this.attachListeners.push(listener);
  }

  /** Whether sockets may attach to the same threads on other instances. */
  get relayed(): boolean {
    return this.relay !== null;
  }

  /**
   * Those of the threads with a socket attached anywhere: here, or (through the relay) on
   * another instance. Without a relay, only this instance's sockets can get its frames.
   */
  async listened(threadPks: Iterable<string>): Promise<Set<string>> {
    const found = new Set<string>();
    const elsewhere: string[] = [];
    for (const pk of threadPks) {
      if (this.sockets.has(pk)) found.add(pk);
      else elsewhere.push(pk);
    }
    if (!this.relay || elsewhere.length === 0) return found;
    for (const pk of await this.relay.listened(elsewhere)) found.add(pk);
    return found;
  }

  attach(threadPk: string, socket: WebSocket): void {
    let set = this.sockets.get(threadPk);
    if (!set) {
      set = new Set();
      this.sockets.set(threadPk, set);
      this.relay?.follow(threadPk);
    }
    set.add(socket);
    for (const listener of this.attachListeners) listener(threadPk);
    socket.once("close", () => {
      set.delete(socket);
      if (set.size === 0 && this.sockets.get(threadPk) === set) {
        this.sockets.delete(threadPk);
        this.relay?.unfollow(threadPk);
      }
    });
  }

  publish(threadPk: string, frame: Envelope): void {
    if (!this.relay && !this.sockets.has(threadPk)) return;
    const text = JSON.stringify(frame);
    this.deliver(threadPk, text);
    this.relay?.send(threadPk, text);
  }

  /** A frame for this instance's sockets only (the relay's way in). */
  deliver(threadPk: string, text: string): void {
    const set = this.sockets.get(threadPk);
    if (!set) return;
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

  async close(): Promise<void> {
    await this.relay?.close();
  }
}
