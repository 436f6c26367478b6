// Whether a message names someone: the one mention matcher of the app (the
// prompt builder, the silence watch, the offline model and the decision
// model's baselines all use it).

import { memoize } from "./memoize";
import { normalizeText } from "./normalize";
import { escapeRegExp } from "./regexp";

/**
 * One compiled pattern per name: a Unicode-property pattern costs far more to compile than
 * to run, and the same few names are matched against every line (the offline model's
 * drafting spent most of its time compiling them). Null for a name that is blank once normalised.
 */
const patternFor = memoize((name: string): RegExp | null => {
  const wanted = normalizeText(name).trim();
  if (!wanted) return null;
  // Not global or sticky: test() keeps no state between calls, so one pattern is shared safely.
  return new RegExp(`(?<![\\p{L}\\p{N}_])@?${escapeRegExp(wanted)}(?![\\p{L}\\p{N}_])`, "u");
}, 1024);

/**
 * Whether `text` names `name` as a whole word (optionally as @name),
 * ignoring case and accents ("lucia" names "Lucía").
 */
export function mentionsName(text: string, name: string): boolean {
  return patternFor(name)?.test(normalizeText(text)) ?? false;
}
