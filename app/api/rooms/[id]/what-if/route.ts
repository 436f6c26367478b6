import { NextResponse } from "next/server";
import { handler, parseJson } from "@/lib/chat/route-helpers";
import { runWhatIf } from "@/lib/chat/what-if";
import { whatIfSchema } from "./schema";

/**
 * What-if replay: re-runs the decision model over the agent's past decisions with the
 * given settings. A POST only because the settings are a body; it changes nothing.
 */
export const POST = handler<{ id: string }>(async (req, user, { id }) => {
  const input = await parseJson(req, whatIfSchema);
  return NextResponse.json({ result: await runWhatIf(id, user.id, input) });
});
