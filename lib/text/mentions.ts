// Whether a message names someone: the one mention matcher of the app (the
// prompt builder, the silence watch, the offline model and the decision
// model's baselines all use it).

import { normalizeText } from "./normalize";
import { escapeRegExp } from "./regexp";

/**
 * Whether `text` names `name` as a whole word (optionally as @name),
 * ignoring case and accents ("lucia" names "Lucía").
 */
export function mentionsName(text: string, name: string): boolean {
  const wanted = normalizeText(name).trim();
  if (!wanted) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}_])@?${escapeRegExp(wanted)}(?![\\p{L}\\p{N}_])`, "u").test(
    normalizeText(text),
  );
}
