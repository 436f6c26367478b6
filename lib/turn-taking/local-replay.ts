// The what-if replay in this process, for hosted mode: the hosted Turn-taking service has no
// replay route, so the embedded engine's decision model (the deterministic rules) runs here
// on the same request the engine's route takes. This is the one place outside lib/engine
// that imports the engine: lib/chat stays behind the client's types, and the two paths
// share replayTurns, so they cannot drift apart.

import { type ReplayRequest, type ReplayResponse, replaySchema } from "../contract/turn-taking";
import { replayTurns } from "../engine/decide/replay";
import { createRuleDecider } from "../engine/decide/rule-decider";

export function replayLocally(req: ReplayRequest): Promise<ReplayResponse> {
  return replayTurns(replaySchema.parse(req), createRuleDecider());
}
