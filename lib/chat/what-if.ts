import "server-only";
import { getDb } from "@/lib/db/client";
import type { ReplayRequest, ReplayResponse } from "@/lib/turn-taking";
import { replayLocally } from "@/lib/turn-taking/local-replay";
import { decisionPrompt } from "./agent-prompt";
import { isAnnotatable } from "./annotation-types";
import { notFound } from "./errors";
import { EVAL_HISTORY_LINES, heardIndex } from "./eval-lines";
import { requireMember } from "./membership";
import type { TurnOutcome } from "./review-types";
import { turnTaking } from "./turn-taking-client";
import { WHAT_IF_PAGE_TURNS, type WhatIfResult, type WhatIfRow } from "./what-if-types";

/** Turns per call to the engine: keeps each request well under its 1 MiB body limit. */
const CHUNK_TURNS = 50;
/** Lines of transcript one replay page may read (its turns' lines plus the history before the first). */
const MAX_LINES = 20_000;

export interface WhatIfInput {
  agentId: string;
  systemPrompt: string;
  forwardness: number;
  page: number;
}

type Line = { senderName: string; content: string; createdAt: Date };

/**
 * Re-runs the decision model over the agent's decided turns (a page of them) with other
 * settings. Read-only: it reads rows and asks the engine's free replay route (or, in
 * hosted mode, the embedded model in this process); no thread, credit or room changes.
 */
export async function runWhatIf(roomId: string, userId: string, input: WhatIfInput): Promise<WhatIfResult> {
  await requireMember(roomId, userId);
  const db = getDb();
  const agent = await db.agent.findFirst({
    where: { id: input.agentId, roomId },
    select: { id: true, name: true },
  });
  if (!agent) throw notFound("agent");
  const where = { roomId, agentId: agent.id, decision: { in: ["speak", "stay_silent"] } };
  const started = performance.now();
  const [totalTurns, turns] = await Promise.all([
    db.agentTurn.count({ where }),
    db.agentTurn.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: input.page * WHAT_IF_PAGE_TURNS,
      take: WHAT_IF_PAGE_TURNS,
      select: { id: true, createdAt: true, heardFrom: true, heard: true, decision: true, outcome: true },
    }),
  ]);
  const pages = Math.max(1, Math.ceil(totalTurns / WHAT_IF_PAGE_TURNS));
  const { mode } = turnTaking();
  const base = {
    agent,
    ranOn: mode === "embedded" ? "engine" : "in-process",
    page: input.page,
    pages,
    totalTurns,
  } as const;
  const first = turns[0];
  const last = turns.at(-1);
  if (!first || !last) return { ...base, rows: [], flipped: { toSpeak: 0, toSilent: 0 }, elapsedMs: 0 };

  const notSystem = { not: "system" };
  const select = { senderName: true, content: true, createdAt: true } as const;
  const [before, during] = await Promise.all([
    db.chatMessage.findMany({
      where: { roomId, authorType: notSystem, createdAt: { lt: first.createdAt } },
      orderBy: [{ createdAt: "desc" }, { seq: "desc" }],
      take: EVAL_HISTORY_LINES,
      select,
    }),
    db.chatMessage.findMany({
      where: { roomId, authorType: notSystem, createdAt: { gte: first.createdAt, lte: last.createdAt } },
      orderBy: [{ createdAt: "asc" }, { seq: "asc" }],
      take: MAX_LINES,
      select,
    }),
  ]);
  const lines: Line[] = [...before.reverse(), ...during];
  // Each turn decides on the line it heard: the last from its sender up to the turn's time.
  const positioned: { turn: (typeof turns)[number]; index: number }[] = [];
  let upTo = 0;
  for (const turn of turns) {
    while (upTo < lines.length && lines[upTo]!.createdAt <= turn.createdAt) upTo++;
    const index = heardIndex(lines, upTo, turn.heardFrom);
    if (index >= 0) positioned.push({ turn, index });
  }

  const prompt = decisionPrompt(input.systemPrompt, input.forwardness);
  const replayed = new Map<string, ReplayResponse["decisions"][number]>();
  for (let i = 0; i < positioned.length; i += CHUNK_TURNS) {
    const chunk = positioned.slice(i, i + CHUNK_TURNS);
    const from = Math.max(0, chunk[0]!.index - EVAL_HISTORY_LINES);
    const to = chunk.at(-1)!.index;
    const request: ReplayRequest = {
      agent_name: agent.name,
      system_prompt: prompt,
      transcript: lines.slice(from, to + 1).map((l) => ({
        sender: l.senderName,
        content: l.content,
        ts: l.createdAt.toISOString(),
      })),
      turns: chunk.map((p) => ({ id: p.turn.id, index: p.index - from })),
    };
    const res =
      mode === "embedded" ? await turnTaking().client.replay(request) : await replayLocally(request);
    for (const d of res.decisions) replayed.set(d.id, d);
  }

  const rows: WhatIfRow[] = [];
  const flipped = { toSpeak: 0, toSilent: 0 };
  for (const { turn } of positioned) {
    const r = replayed.get(turn.id);
    if (!r || !isAnnotatable(turn.decision)) continue;
    const flip = r.decision !== turn.decision;
    if (flip) flipped[r.decision === "speak" ? "toSpeak" : "toSilent"]++;
    rows.push({
      turnId: turn.id,
      createdAt: turn.createdAt.toISOString(),
      heardFrom: turn.heardFrom,
      heard: turn.heard,
      actual: { decision: turn.decision, outcome: turn.outcome as TurnOutcome },
      replayed: { decision: r.decision, score: r.score, reasons: r.reasons },
      flipped: flip,
    });
  }
  return { ...base, rows, flipped, elapsedMs: Math.round(performance.now() - started) };
}
