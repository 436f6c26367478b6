import { mentionsName } from "../../text/mentions";

/**
 * went_silent: after the agent addresses a participant by name, wait; if that person has
 * said nothing when the time is up, the thread gets a signal. Timers live in memory: a
 * restart forgets pending watches, which only costs a signal, never a message.
 */
export class SilenceWatch {
  private readonly timers = new Set<NodeJS.Timeout>();

  watch(dueAt: number, stillSilent: () => Promise<boolean>, emit: () => void): void {
    const timer = setTimeout(
      async () => {
        this.timers.delete(timer);
        if (await stillSilent().catch(() => false)) emit();
      },
      Math.max(0, dueAt - Date.now()),
    );
    timer.unref();
    this.timers.add(timer);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

/** Participants (recent non-agent senders) the draft names as whole words. */
export function addressedParticipants(draft: string, participants: string[]): string[] {
  return participants.filter((name) => mentionsName(draft, name));
}
