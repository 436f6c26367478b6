import type { ChatMessageDTO, RoomStreamEvent } from "@/lib/chat/types";
import type { HttpSession } from "./session";

/** A room's server-sent event stream as a browser holds it: every event, with its SSE id. */
export class RoomStreamReader {
  readonly events: { id: string | null; event: RoomStreamEvent }[] = [];
  private readonly abort = new AbortController();
  private done: Promise<void> = Promise.resolve();

  static async open(session: HttpSession, roomId: string, after = 0): Promise<RoomStreamReader> {
    const reader = new RoomStreamReader();
    const res = await session.fetch(`/api/rooms/${roomId}/stream?after=${after}`, {
      signal: reader.abort.signal,
    });
    if (res.status !== 200 || !res.body) throw new Error(`stream answered ${res.status}`);
    reader.done = reader.read(res.body).catch(() => {});
    return reader;
  }

  get messages(): ChatMessageDTO[] {
    return this.events.flatMap(({ event }) => (event.type === "message" ? [event.message] : []));
  }

  close(): void {
    this.abort.abort();
  }

  async closed(): Promise<void> {
    await this.done;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let id: string | null = null;
        let data = "";
        for (const line of block.split("\n")) {
          if (line.startsWith("id: ")) id = line.slice(4);
          else if (line.startsWith("data: ")) data += line.slice(6);
        }
        if (data) this.events.push({ id, event: JSON.parse(data) as RoomStreamEvent });
      }
    }
  }
}
