import type { ChatLine, DecisionSignals } from "../decide/types";
import type { ThreadEvent } from "./events";
import { type BatchTag, BURST_MIN, BURST_WINDOW_MS, COMEBACK_MS, FAST_MS, TYPING_TTL_MS } from "./vocabulary";

const lastLineAt = (lines: ChatLine[], sender: string, before = Number.POSITIVE_INFINITY) => {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.sender === sender && !line.self && line.ts < before) return line.ts;
  }
  return null;
};

/** Who is typing right now: a recent typing_start with no stop and no message after it. */
export function typingNow(events: ThreadEvent[], lines: ChatLine[], now: number): string[] {
  const state = new Map<string, number | null>();
  for (const e of events) {
    if (e.type === "typing_start") state.set(e.sender, e.at);
    else if (e.type === "typing_stop") state.set(e.sender, null);
  }
  const typing: string[] = [];
  for (const [sender, startedAt] of state) {
    if (startedAt === null || now - startedAt > TYPING_TTL_MS) continue;
    const spoke = lastLineAt(lines, sender);
    if (spoke !== null && spoke >= startedAt) continue;
    typing.push(sender);
  }
  return typing;
}

/** A sender with BURST_MIN+ lines inside BURST_WINDOW_MS, ending with the batch. */
export function burstSender(lines: ChatLine[]): string | null {
  const last = lines.at(-1);
  if (!last || last.self) return null;
  let count = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.sender !== last.sender || last.ts - line.ts > BURST_WINDOW_MS) break;
    if (++count >= BURST_MIN) break;
  }
  return count >= BURST_MIN ? last.sender : null;
}

export interface BatchSignals {
  tags: BatchTag[];
  decision: DecisionSignals;
}

export function batchSignals(
  history: ChatLine[],
  batch: ChatLine[],
  events: ThreadEvent[],
  now: number,
): BatchSignals {
  const tags = new Set<BatchTag>();
  const first = batch[0];
  const previous = history.at(-1);
  if (first && previous && previous.sender !== first.sender && first.ts - previous.ts <= FAST_MS)
    tags.add("fast");
  for (const line of batch) {
    const before = lastLineAt(history, line.sender);
    if (before !== null && line.ts - before >= COMEBACK_MS) tags.add("comeback");
    const since = before ?? Number.NEGATIVE_INFINITY;
    if (events.some((e) => e.type === "message_edited" && e.sender === line.sender && e.at >= since))
      tags.add("edited");
  }
  const all = [...history, ...batch];
  const burst = burstSender(all);
  if (burst) tags.add("burst");
  const senders = new Set(batch.map((l) => l.sender));
  return {
    tags: [...tags],
    decision: { typingNow: typingNow(events, all, now).filter((s) => !senders.has(s)), burstSender: burst },
  };
}
