/** Small text helpers shared by the offline model's modules. */

/** Curly quotes and apostrophes from phones and rich editors, made plain. */
export function normalizeQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** "a", "a or b", "a, b or c" */
export function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

export const EMOJI = /\p{Extended_Pictographic}/u;
