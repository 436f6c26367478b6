/**
 * Runs `task` one pass at a time: a kick during a pass asks for exactly one more pass after
 * it, however many kicks arrive meanwhile. For work that catches up with a source of truth
 * (a table to tail, due rows to claim), where a pass always sees everything before it.
 */
export function serialRunner(task: () => Promise<void>): { kick: () => void; idle: () => Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;
  const kick = (): void => {
    if (running) {
      again = true;
      return;
    }
    // A failing pass is the task's to report; the runner only keeps going.
    running = task()
      .catch(() => {})
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          kick();
        }
      });
  };
  return {
    kick,
    idle: async () => {
      await running;
    },
  };
}
