// What the review index and its charts are asked for: parsed once (zod) from a page's
// search params or an API query string, and written back into URLs, so a view is shareable.
// Pure: no database, no framework.

import { z } from "zod";

export const INDEX_SORTS = [
  "name",
  "messages",
  "turns",
  "speakRate",
  "silences",
  "dropped",
  "interrupted",
  "credits",
  "delayP50",
  "delayP95",
  "lastActivity",
] as const;
export type IndexSort = (typeof INDEX_SORTS)[number];
export type SortDir = "asc" | "desc";

export const INDEX_PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blankToUndefined = (v: unknown) => {
  const s = one(v);
  return typeof s === "string" && s.trim() === "" ? undefined : s;
};

/** A calendar day, YYYY-MM-DD, that exists. */
const day = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-04")
    .refine(
      (s) =>
        !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
      "Not a date",
    )
    .optional(),
);

/** Filters shared by the index and the charts. */
export const reviewFilterSchema = z
  .object({
    q: z.preprocess(blankToUndefined, z.string().trim().max(80, "At most 80 characters").optional()),
    agent: z.preprocess(blankToUndefined, z.string().trim().max(40, "At most 40 characters").optional()),
    from: day,
    to: day,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "The start date is after the end date",
    path: ["to"],
  });

export const reviewIndexQuerySchema = z
  .object({
    sort: z.preprocess(one, z.enum(INDEX_SORTS).default("lastActivity")),
    dir: z.preprocess(one, z.enum(["asc", "desc"]).optional()),
    page: z.preprocess(one, z.coerce.number().int().min(1).max(100_000).default(1)),
    size: z.preprocess(
      one,
      z.coerce
        .number()
        .int()
        .refine((n) => (INDEX_PAGE_SIZES as readonly number[]).includes(n), "Pick 10, 25, 50 or 100")
        .default(DEFAULT_PAGE_SIZE),
    ),
  })
  .and(reviewFilterSchema);

export type ReviewFilters = z.infer<typeof reviewFilterSchema>;
export type ReviewIndexQuery = Omit<z.infer<typeof reviewIndexQuerySchema>, "dir"> & { dir: SortDir };

/** The charts, each loadable on its own (a page streams them in as each one's data arrives). */
export const CHART_NAMES = ["speak-rate", "delay", "decisions", "credits", "reasons"] as const;
export type ChartName = (typeof CHART_NAMES)[number];

export const reviewChartsQuerySchema = z
  .object({
    roomId: z.preprocess(blankToUndefined, z.string().min(1).max(64).optional()),
    /** one chart's data only (the charts route) */
    chart: z.preprocess(one, z.enum(CHART_NAMES).optional()),
  })
  .and(reviewFilterSchema);
export type ReviewChartsQuery = z.infer<typeof reviewChartsQuerySchema>;

/** Names and text sort A→Z first; figures and times, largest and latest first. */
export const defaultDir = (sort: IndexSort): SortDir => (sort === "name" ? "asc" : "desc");

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

const toRecord = (params: Params): Record<string, string | string[] | undefined> =>
  params instanceof URLSearchParams ? Object.fromEntries(params.entries()) : params;

export type Parsed<T> = { ok: true; value: T } | { ok: false; fields: Record<string, string> };

function issuesOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.map(String).join(".") || "query"] ??= issue.message;
  return out;
}

export function parseIndexQuery(params: Params): Parsed<ReviewIndexQuery> {
  const parsed = reviewIndexQuerySchema.safeParse(toRecord(params));
  if (!parsed.success) return { ok: false, fields: issuesOf(parsed.error) };
  const { dir, ...rest } = parsed.data;
  return { ok: true, value: { ...rest, dir: dir ?? defaultDir(rest.sort) } };
}

export function parseChartsQuery(params: Params): Parsed<ReviewChartsQuery> {
  const parsed = reviewChartsQuerySchema.safeParse(toRecord(params));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, fields: issuesOf(parsed.error) };
}

/** The query string of a view, defaults left out so URLs stay short. */
export function indexSearch(query: ReviewIndexQuery, change: Partial<ReviewIndexQuery> = {}): string {
  const q = { ...query, ...change };
  const out = new URLSearchParams();
  if (q.q) out.set("q", q.q);
  if (q.agent) out.set("agent", q.agent);
  if (q.from) out.set("from", q.from);
  if (q.to) out.set("to", q.to);
  if (q.sort !== "lastActivity") out.set("sort", q.sort);
  if (q.dir !== defaultDir(q.sort)) out.set("dir", q.dir);
  if (q.size !== DEFAULT_PAGE_SIZE) out.set("size", String(q.size));
  if (q.page !== 1) out.set("page", String(q.page));
  const text = out.toString();
  return text ? `?${text}` : "";
}

/** The filters only, for links between the index and the charts. */
export function filterSearch(f: ReviewFilters): string {
  const out = new URLSearchParams();
  if (f.q) out.set("q", f.q);
  if (f.agent) out.set("agent", f.agent);
  if (f.from) out.set("from", f.from);
  if (f.to) out.set("to", f.to);
  const text = out.toString();
  return text ? `?${text}` : "";
}

/** The half-open UTC interval [from 00:00, day after `to` 00:00) of a date filter. */
export function dateRange(f: Pick<ReviewFilters, "from" | "to">): { since?: Date; until?: Date } {
  const since = f.from ? new Date(`${f.from}T00:00:00Z`) : undefined;
  const until = f.to ? new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000) : undefined;
  return { since, until };
}
