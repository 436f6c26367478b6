const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether `text` names `name` as a whole word (optionally as @name), case-insensitively. */
export function mentionsName(text: string, name: string): boolean {
  return new RegExp(`(^|[^\\p{L}\\p{N}_])@?${escapeRegExp(name)}($|[^\\p{L}\\p{N}_])`, "iu").test(text);
}
