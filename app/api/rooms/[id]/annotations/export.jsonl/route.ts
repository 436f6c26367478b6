import { evalExportLines } from "@/lib/chat/eval-export";
import { requireMember } from "@/lib/chat/membership";
import { handler } from "@/lib/chat/route-helpers";
import { attachment, textStream } from "@/lib/chat/text-stream";

/** "Export as eval set": the room's annotated decisions in the `eval:decisions` input format. */
export const GET = handler<{ id: string }>(async (_req, user, { id }) => {
  const { room } = await requireMember(id, user.id);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(textStream(evalExportLines(id), "eval export"), {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": attachment(`${room.name} eval set ${day}.jsonl`),
      "cache-control": "no-store",
    },
  });
});
