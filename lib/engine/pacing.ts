export interface Pacing {
  reading_delay_ms: number;
  typing_wpm: number;
  max_typing_ms: number;
}

export const DEFAULT_PACING: Pacing = { reading_delay_ms: 0, typing_wpm: 150, max_typing_ms: 8000 };
const MIN_TYPING_MS = 500;
const GAP_MS = 200;

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => w.length > 0).length;
}

/** Typing time for one bubble, per the spec: floor 500 ms (or max_typing_ms if lower), capped at max_typing_ms. */
export function typingMs(words: number, pacing: Pacing): number {
  const floor = Math.min(MIN_TYPING_MS, pacing.max_typing_ms);
  return Math.min(pacing.max_typing_ms, Math.max(floor, (words / pacing.typing_wpm) * 60_000));
}

/** Delivery times (ms epoch) for each bubble of a reply created at `createdAt`. */
export function scheduleTimes(bubbles: string[], createdAt: number, pacing: Pacing): number[] {
  const times: number[] = [];
  let previous = createdAt + pacing.reading_delay_ms - GAP_MS;
  for (const bubble of bubbles) {
    previous = previous + GAP_MS + typingMs(countWords(bubble), pacing);
    times.push(previous);
  }
  return times;
}
