// The tone of a message as virtual stems, matched against the prompt like words:
// a prompt that says "cheer people on" is relevant to a celebration.

import { CELEBRATION_EMOJI } from "./lexicon";
import type { MessageKind } from "./message-kind";
import { stem } from "./stem";

const MOOD_CELEBRATION = stem("celebration");
const MOOD_JOKE = stem("joke");
const MOOD_SERIOUS = stem("serious");

export const MOOD_STEMS: ReadonlySet<string> = new Set([MOOD_CELEBRATION, MOOD_JOKE, MOOD_SERIOUS]);

export function addMoodStems(kind: MessageKind, into: Set<string>): void {
  if (kind.excited || kind.tokens.some((t) => CELEBRATION_EMOJI.has(t))) into.add(MOOD_CELEBRATION);
  if (kind.laughing) into.add(MOOD_JOKE);
  if (kind.serious) into.add(MOOD_SERIOUS);
}
