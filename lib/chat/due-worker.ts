import "server-only";
import { foreground } from "@/lib/async/foreground";
import { processSingleton } from "@/lib/async/process-singleton";
import { serialRunner } from "@/lib/async/serial-runner";
import { onShutdown } from "@/lib/async/shutdown-hooks";
import type { AgentBubble } from "@/lib/generated/sqlite/client";
import { SHOW_GRACE_MS, showBubble, showDueBubbles } from "./bubbles";
import { type RelayReply, runDueRelays, runRelayOf } from "./relays";

/** How often a long-running instance looks for due rows that no timer of its own covers. */
const SWEEP_MS = Number(process.env.CHAT_DUE_SWEEP_MS ?? 1000);

/**
 * Shows due bubbles and runs due relays. The rows are the truth and any instance may claim
 * them, so this is only about promptness: timers for the rows this instance just stored, and
 * a sweep (two queries) for everything else (another instance's rows, rows from before a restart).
 * On a serverless platform the sweep may never run; readers show due bubbles themselves.
 */
class DueWorker {
  private sweep: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly runner = serialRunner(() => this.pass());

  private relay: RelayReply | null = null;

  /** Starts the sweep; `relay` is how a due reply is heard by the other agents (the orchestrator's). */
  start(relay: RelayReply): void {
    this.relay = relay;
    if (this.sweep || this.stopped) return;
    this.sweep = setInterval(() => this.kick(), SWEEP_MS);
    this.sweep.unref();
    this.kick();
  }

  /**
   * A reply this process just scheduled: each bubble is shown, and the reply relayed, by a timer
   * of its own (no scan). If this process dies first, the sweep of any instance, or a reader,
   * does it instead.
   */
  async follow(bubbles: readonly AgentBubble[], relay: RelayReply): Promise<void> {
    if (this.stopped || bubbles.length === 0) return;
    const last = Math.max(...bubbles.map((b) => b.deliverAt.getTime()));
    await Promise.all(
      bubbles.map((bubble) => this.at(bubble.deliverAt.getTime() + SHOW_GRACE_MS, () => showBubble(bubble))),
    );
    await this.at(last + SHOW_GRACE_MS, () => runRelayOf(bubbles[0]!.replyKey, relay));
  }

  /** Runs `work` at `at`; a failure is logged (the sweep, or another instance, retries the row). */
  private at(at: number, work: () => Promise<unknown>): Promise<void> {
    return new Promise<void>((resolve) => {
      const run = async () => {
        await foreground().clear();
        if (this.stopped) return resolve();
        work()
          .catch((error) => console.error("chat: due work failed (the sweep retries it):", error))
          .finally(resolve);
      };
      setTimeout(run, Math.max(0, at - Date.now()));
    });
  }

  /** Runs one pass now, or right after the pass in progress. */
  kick(): void {
    if (!this.stopped) this.runner.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweep) clearInterval(this.sweep);
    await this.runner.idle();
  }

  private async pass(): Promise<void> {
    await foreground().clear();
    try {
      await showDueBubbles();
      if (this.relay) await runDueRelays(this.relay);
    } catch (error) {
      console.error("chat: due work failed (retried on the next pass):", error);
    }
  }
}

export const dueWorker = (): DueWorker =>
  processSingleton("chat-due-worker", () => {
    const worker = new DueWorker();
    onShutdown(() => worker.stop());
    return worker;
  });
