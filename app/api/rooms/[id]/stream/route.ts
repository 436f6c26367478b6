import { serialRunner } from "@/lib/async/serial-runner";
import { nextBubbleDue, showDueBubbles } from "@/lib/chat/bubbles";
import { roomBus } from "@/lib/chat/bus";
import { requireMember } from "@/lib/chat/membership";
import { listMessages } from "@/lib/chat/messages";
import { roomMembers } from "@/lib/chat/room-detail";
import { handler } from "@/lib/chat/route-helpers";
import type { RoomStreamEvent } from "@/lib/chat/types";

type Params = { id: string };

export const dynamic = "force-dynamic";
// On a serverless platform a stream lasts at most this long; the browser then resumes from
// the last seq it saw (Last-Event-ID or ?after=), so nothing is missed or repeated.
export const maxDuration = 300;

/** A live event can be missed (Redis away for a moment): the stream also looks on its own this often. */
const RECHECK_MS = 10_000;
const PING_MS = 15_000;
const PAGE = 500;

function startingSeq(req: Request): number {
  const fromHeader = Number(req.headers.get("last-event-id"));
  if (Number.isSafeInteger(fromHeader) && fromHeader > 0) return fromHeader;
  const fromQuery = Number(new URL(req.url).searchParams.get("after") ?? 0);
  return Number.isSafeInteger(fromQuery) && fromQuery > 0 ? fromQuery : 0;
}

/**
 * Server-sent events: every message after ?after=SEQ (or Last-Event-ID), once and in seq
 * order, then live. Messages are read from the database, which commits them in seq order on
 * every instance; an event (from this instance or, over Redis, another) only says "look".
 * The stream also shows bubbles that fall due, so it needs no background work anywhere.
 */
export const GET = handler<Params>(async (req, user, { id }) => {
  await requireMember(id, user.id);
  let lastSeq = startingSeq(req);
  const bus = roomBus();
  const encoder = new TextEncoder();
  let closed = false;
  let cleanup = () => {};

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const send = (event: RoomStreamEvent) =>
        write(
          `${event.type === "message" ? `id: ${event.message.seq}\n` : ""}data: ${JSON.stringify(event)}\n\n`,
        );

      let wake: ReturnType<typeof setTimeout> | undefined;
      const tail = serialRunner(async () => {
        if (closed) return;
        let delay = RECHECK_MS;
        try {
          await showDueBubbles(id);
          for (;;) {
            const messages = await listMessages(id, lastSeq, PAGE);
            for (const message of messages) {
              if (message.seq <= lastSeq) continue;
              lastSeq = message.seq;
              send({ type: "message", message });
            }
            if (messages.length < PAGE) break;
          }
          const due = await nextBubbleDue(id);
          if (due) delay = Math.min(RECHECK_MS, Math.max(0, due.getTime() - Date.now()));
        } catch (error) {
          console.error(`room stream ${id}: could not read messages (trying again shortly)`, error);
          delay = 1_000;
        } finally {
          clearTimeout(wake);
          if (!closed) wake = setTimeout(() => tail.kick(), delay);
        }
      });

      const unsubscribe = bus.subscribe(id, (event) => {
        if (event.type === "message") return tail.kick();
        send(event);
        // Removed from the room: this stream ends here.
        if (event.type === "removed" && event.userId === user.id) {
          cleanup();
          try {
            controller.close();
          } catch {}
        }
      });
      const leave = bus.join(id, user.id);
      const ping = setInterval(() => write(": ping\n\n"), PING_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(ping);
        clearTimeout(wake);
        unsubscribe();
        leave();
        void roomMembers(id)
          .then((members) => bus.publish(id, { type: "presence", members }))
          .catch(() => {});
      };
      req.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {}
      });

      tail.kick();
      void roomMembers(id)
        .then((members) => bus.publish(id, { type: "presence", members }))
        .catch(() => {});
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});
