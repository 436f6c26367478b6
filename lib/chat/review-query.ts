// The room review's address: filters, page, deep link, search and toggles, parsed with zod
// from searchParams (anything unreadable is dropped, never an error) and written back by
// reviewHref, so every link the page makes round-trips through the same schema.

import { z } from "zod";
import { REVIEW_FILTERS } from "./review-timeline";
import type { ReviewFilter, TurnFilter } from "./review-types";

/** Longest search the review accepts (longer input is cut, not refused). */
export const MAX_SEARCH_LENGTH = 200;
const MAX_AGENTS = 50;

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
const first = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v[0] : v));
const positiveInt = first.transform((v) => {
  const n = v === undefined || v.trim() === "" ? Number.NaN : Number(v);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
});
const id = first.pipe(
  z
    .string()
    .regex(/^[\w:-]{1,128}$/)
    .optional(),
);

export const reviewQuerySchema = z.object({
  /** outcomes to show (several combine with "or"); "all" or none shows every outcome */
  show: list.transform((values) =>
    [...new Set(values)].filter(
      (v): v is Exclude<ReviewFilter, "all"> => v !== "all" && REVIEW_FILTERS.includes(v as ReviewFilter),
    ),
  ),
  /** agent ids to show (several combine with "or") */
  agent: list.transform((values) =>
    [...new Set(values.filter((v) => /^[\w-]{1,64}$/.test(v)))].slice(0, MAX_AGENTS),
  ),
  /** the page: messages numbered below this */
  before: positiveInt.catch(undefined),
  /** deep link to a turn */
  turn: id.catch(undefined),
  /** deep link to the turn behind a reply (a chat bubble's replyKey) */
  reply: id.catch(undefined),
  /** deep link to a message by its number */
  msg: positiveInt.catch(undefined),
  /** jump to a moment (ISO 8601 with its offset) */
  at: first.pipe(z.iso.datetime({ offset: true }).optional()).catch(undefined),
  /** full-text search in the room's messages */
  q: first
    .transform((v) => v?.replace(/\s+/g, " ").trim().slice(0, MAX_SEARCH_LENGTH) || undefined)
    .catch(undefined),
  /** the search results' page: messages numbered below this */
  from: positiveInt.catch(undefined),
  /** show typing events in the timeline */
  typing: first.transform((v) => v === "1").catch(false),
});

export type ReviewQuery = z.infer<typeof reviewQuerySchema>;

/** Never throws: a hand-edited address shows the review with what could be read. */
export function parseReviewQuery(params: Record<string, string | string[] | undefined>): ReviewQuery {
  const parsed = reviewQuerySchema.safeParse(params);
  return parsed.success ? parsed.data : reviewQuerySchema.parse({});
}

export function turnFilterOf(query: Pick<ReviewQuery, "agent" | "show">): TurnFilter {
  return { agents: query.agent, outcomes: query.show };
}

/** Which deep link the address carries, if any; the first of turn, reply, message, time wins. */
export type ReviewAnchor =
  | { kind: "turn"; id: string }
  | { kind: "reply"; replyKey: string }
  | { kind: "message"; seq: number }
  | { kind: "time"; at: Date };

export function anchorOf(query: Pick<ReviewQuery, "turn" | "reply" | "msg" | "at">): ReviewAnchor | null {
  if (query.turn) return { kind: "turn", id: query.turn };
  if (query.reply) return { kind: "reply", replyKey: query.reply };
  if (query.msg !== undefined) return { kind: "message", seq: query.msg };
  if (query.at) return { kind: "time", at: new Date(query.at) };
  return null;
}

/** The review's address with the given parts; empty parts are left out. */
export function reviewHref(roomId: string, query: Partial<ReviewQuery> = {}): string {
  const params = new URLSearchParams();
  for (const agent of query.agent ?? []) params.append("agent", agent);
  for (const show of query.show ?? []) params.append("show", show);
  const single: [string, string | number | undefined][] = [
    ["q", query.q],
    ["from", query.from],
    ["turn", query.turn],
    ["reply", query.reply],
    ["msg", query.msg],
    ["at", query.at],
    ["before", query.before],
    ["typing", query.typing ? "1" : undefined],
  ];
  for (const [key, value] of single) if (value !== undefined && value !== "") params.set(key, String(value));
  const text = params.toString();
  return `/review/${encodeURIComponent(roomId)}${text ? `?${text}` : ""}`;
}
