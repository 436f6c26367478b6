import { roomBus } from "@/lib/chat/bus";
import { requireMember } from "@/lib/chat/membership";
import { listMessages } from "@/lib/chat/messages";
import { roomMembers } from "@/lib/chat/room-detail";
import { handler } from "@/lib/chat/route-helpers";
import type { RoomStreamEvent } from "@/lib/chat/types";

type Params = { id: string };

export const dynamic = "force-dynamic";

/** Server-sent events: replay everything after ?after=SEQ, then live events. */
export const GET = handler<Params>(async (req, user, { id }) => {
  await requireMember(id, user.id);
  const after = Math.max(0, Number(new URL(req.url).searchParams.get("after") ?? 0) || 0);
  const bus = roomBus();
  const encoder = new TextEncoder();
  let cleanup = () => {};

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: RoomStreamEvent) => {
        try {
          controller.enqueue(encoder.encode(`data: ${JSON.stringify(event)}\n\n`));
          // Removed from the room: this stream ends here.
          if (event.type === "removed" && event.userId === user.id) {
            cleanup();
            controller.close();
          }
        } catch {
          cleanup();
        }
      };
      // Subscribe first, then replay: anything arriving meanwhile is de-duplicated by seq.
      let lastSeq = after;
      const queued: RoomStreamEvent[] = [];
      let replaying = true;
      const unsubscribe = bus.subscribe(id, (event) => {
        if (replaying) queued.push(event);
        else if (event.type !== "message" || event.message.seq > lastSeq) {
          if (event.type === "message") lastSeq = event.message.seq;
          send(event);
        }
      });
      const leave = bus.join(id, user.id);
      const ping = setInterval(() => {
        try {
          controller.enqueue(encoder.encode(": ping\n\n"));
        } catch {
          cleanup();
        }
      }, 15_000);
      cleanup = () => {
        clearInterval(ping);
        unsubscribe();
        leave();
        cleanup = () => {};
        void roomMembers(id).then((members) => bus.publish(id, { type: "presence", members }));
      };
      req.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {}
      });

      for (const message of await listMessages(id, after, 1000)) {
        send({ type: "message", message });
        lastSeq = message.seq;
      }
      replaying = false;
      for (const event of queued) {
        if (event.type === "message" && event.message.seq <= lastSeq) continue;
        if (event.type === "message") lastSeq = event.message.seq;
        send(event);
      }
      bus.publish(id, { type: "presence", members: await roomMembers(id) });
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
