/** Small text helpers shared by the offline model's modules. */

/** Curly quotes and apostrophes from phones and rich editors, made plain. */
export function normalizeQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/**
 * What a Markdown chat line says, without its markup: "**new** [docs](https://x)" reads as
 * "new docs". Addresses are dropped, since "https" and "example.com" are not what a line is about.
 */
export function plainText(text: string): string {
  return text
    .replace(/```[a-z]*\n?/gi, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<?\bhttps?:\/\/[^\s>]+>?/gi, "")
    .replace(/(\*\*|__|~~|`)/g, "")
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,!?:;]|$)/g, "$1$2")
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, "")
    .replace(/[ \t]+([.,!?:;])/g, "$1")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
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
