import { replaySchema } from "../../contract/turn-taking";
import type { ActionContext } from "../context";
import { ReplayIndexError, replayTurns } from "../decide/replay";
import { EngineError } from "../errors";
import { parseBody } from "../schemas";

/**
 * Engine extension, free and read-only: the engine's decision model over a transcript the
 * caller sends, for the review's what-if replay. No thread, credit or row is touched.
 */
export async function replay(ctx: ActionContext, body: unknown) {
  const input = parseBody(replaySchema, body);
  try {
    return await replayTurns(input, ctx.decider);
  } catch (error) {
    if (error instanceof ReplayIndexError) {
      throw new EngineError(400, "VALIDATION_ERROR", "request validation failed", [
        { field: `turns.${error.position}.index`, message: error.message },
      ]);
    }
    throw error;
  }
}
