import "server-only";
import { processSingleton } from "@/lib/async/process-singleton";
import { serialRunner } from "@/lib/async/serial-runner";
import { onShutdown } from "@/lib/async/shutdown-hooks";
import { nextBubbleDue, showDueBubbles } from "./bubbles";
import { runDueRelays } from "./relays";

/** How often a long-running instance looks for due rows that no timer of its own covers. */
const SWEEP_MS = Number(process.env.CHAT_DUE_SWEEP_MS ?? 1000);

/**
 * Shows due bubbles and runs due relays. The rows are the truth and any instance may claim
 * them, so this is only about promptness: a timer for the rows this instance just stored,
 * and a sweep for everything else (another instance's rows, or rows from before a restart).
 * On a serverless platform the sweep may never run; readers show due bubbles themselves.
 */
class DueWorker {
  private sweep: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly runner = serialRunner(() => this.pass());

  start(): void {
    if (this.sweep || this.stopped) return;
    this.sweep = setInterval(() => this.kick(), SWEEP_MS);
    this.sweep.unref();
    this.kick();
  }

  /** Something falls due at `at`: run a pass then. */
  wakeAt(at: Date): void {
    if (this.stopped) return;
    setTimeout(() => this.kick(), Math.max(0, at.getTime() - Date.now())).unref();
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
    try {
      await showDueBubbles();
      await runDueRelays();
      const next = await nextBubbleDue();
      if (next && next.getTime() - Date.now() < SWEEP_MS) this.wakeAt(next);
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
