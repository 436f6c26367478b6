import { requireMember } from "@/lib/chat/membership";
import { csvExport, jsonExport } from "@/lib/chat/room-export";
import { handler, parseQuery } from "@/lib/chat/route-helpers";
import { attachment, textStream } from "@/lib/chat/text-stream";
import { roomExportSchema } from "./schema";

/** A room's messages, turns (with reasons), bubbles (scheduled and shown) and annotations, streamed. */
export const GET = handler<{ id: string }>(async (req, user, { id }) => {
  const q = parseQuery(req, roomExportSchema);
  const { room } = await requireMember(id, user.id);
  const day = new Date().toISOString().slice(0, 10);
  const headers = { "cache-control": "no-store" };
  if (q.format === "json") {
    return new Response(textStream(jsonExport(room), "room export"), {
      headers: {
        ...headers,
        "content-type": "application/json; charset=utf-8",
        "content-disposition": attachment(`${room.name} ${day}.json`),
      },
    });
  }
  return new Response(textStream(csvExport(id, q.kind), "room export"), {
    headers: {
      ...headers,
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": attachment(`${room.name} ${q.kind} ${day}.csv`),
    },
  });
});
