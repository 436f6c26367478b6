export interface Mentionable {
  key: string;
  name: string;
  kind: "agent" | "person";
  color?: string;
}

export interface MentionQuery {
  /** Index of the "@" in the text. */
  start: number;
  /** Index just past the typed query (the caret). */
  end: number;
  query: string;
}

const MENTION_BEFORE_CARET = /(^|\s)@([^\s@]{0,40})$/;

/** The "@partial" the caret sits right after, if any. */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  const match = MENTION_BEFORE_CARET.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[2] ?? "";
  return { start: caret - query.length - 1, end: caret, query };
}

/** Names starting with the query first, then names with a word starting with it. */
export function matchMentionables(all: readonly Mentionable[], query: string, limit = 8): Mentionable[] {
  const q = query.toLowerCase();
  const starts: Mentionable[] = [];
  const words: Mentionable[] = [];
  for (const item of all) {
    const name = item.name.toLowerCase();
    if (name.startsWith(q)) starts.push(item);
    else if (name.split(/\s+/).some((w) => w.startsWith(q))) words.push(item);
  }
  return [...starts, ...words].slice(0, limit);
}

export function insertMention(text: string, mention: MentionQuery, name: string) {
  const inserted = `@${name} `;
  const rest = text.slice(mention.end).replace(/^ /, "");
  return { text: text.slice(0, mention.start) + inserted + rest, caret: mention.start + inserted.length };
}
