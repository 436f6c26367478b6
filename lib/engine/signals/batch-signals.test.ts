import { describe, expect, it } from "vitest";
import { batchSignals, burstSender, typingNow } from "./batch-signals";
import type { ThreadEvent } from "./events";

const line = (sender: string, ts: number, self = false) => ({
  sender,
  content: "hi",
  ts,
  ...(self ? { self } : {}),
});
const T = 1_000_000_000;

describe("batch tags", () => {
  it("tags a quick reply as fast, and not a slow one", () => {
    expect(batchSignals([line("Sam", T, true)], [line("Ana", T + 2_000)], [], T + 2_000).tags).toContain(
      "fast",
    );
    expect(
      batchSignals([line("Sam", T, true)], [line("Ana", T + 30_000)], [], T + 30_000).tags,
    ).not.toContain("fast");
  });

  it("tags a sender returning after ten minutes as a comeback", () => {
    const history = [line("Ana", T), line("Bo", T + 1_000)];
    expect(batchSignals(history, [line("Ana", T + 11 * 60_000)], [], T + 11 * 60_000).tags).toContain(
      "comeback",
    );
    expect(batchSignals(history, [line("Ana", T + 60_000)], [], T + 60_000).tags).not.toContain("comeback");
  });

  it("tags three quick lines from one sender as a burst", () => {
    const history = [line("Ana", T), line("Ana", T + 2_000)];
    const result = batchSignals(history, [line("Ana", T + 4_000)], [], T + 4_000);
    expect(result.tags).toContain("burst");
    expect(result.decision.burstSender).toBe("Ana");
    expect(burstSender([line("Ana", T), line("Bo", T + 1), line("Ana", T + 2)])).toBeNull();
  });

  it("tags a batch whose sender edited a message since their last line", () => {
    const events: ThreadEvent[] = [{ type: "message_edited", sender: "Ana", at: T + 5_000 }];
    expect(batchSignals([line("Ana", T)], [line("Ana", T + 9_000)], events, T + 9_000).tags).toContain(
      "edited",
    );
    expect(
      batchSignals([line("Ana", T + 6_000)], [line("Ana", T + 9_000)], events, T + 9_000).tags,
    ).not.toContain("edited");
  });
});

describe("typing now", () => {
  it("counts a recent typing_start with no stop and no message after it", () => {
    const events: ThreadEvent[] = [
      { type: "typing_start", sender: "Bo", at: T },
      { type: "typing_start", sender: "Cy", at: T },
      { type: "typing_stop", sender: "Cy", at: T + 1_000 },
      { type: "typing_start", sender: "Di", at: T - 60_000 },
      { type: "typing_start", sender: "Ed", at: T },
    ];
    expect(typingNow(events, [line("Ed", T + 500)], T + 2_000)).toEqual(["Bo"]);
  });

  it("leaves the batch's own senders out of typingNow", () => {
    const events: ThreadEvent[] = [{ type: "typing_start", sender: "Ana", at: T + 3_000 }];
    expect(batchSignals([], [line("Ana", T)], events, T + 4_000).decision.typingNow).toEqual([]);
    expect(batchSignals([], [line("Bo", T)], events, T + 4_000).decision.typingNow).toEqual(["Ana"]);
  });
});
