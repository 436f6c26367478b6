// The review index's rows: figures per room merged from the aggregate queries, then sorted
// and paged. Pure, so the ordering and paging rules are tested without a database.

import type { IndexSort, SortDir } from "./review-index-query";

export interface ReviewIndexRow {
  id: string;
  name: string;
  agentCount: number;
  messages: number;
  turns: number;
  /** decisions to speak and to stay silent (turns not asked to decide are neither) */
  spoke: number;
  silences: number;
  /** speak ÷ (speak + stay silent); null when the agents decided nothing */
  speakRate: number | null;
  /** drafts the room moved past (superseded) or that failed to draft */
  dropped: number;
  /** replies cancelled because someone spoke before the first bubble */
  interrupted: number;
  credits: number;
  /** message heard → first bubble scheduled, over turns that replied (ms) */
  delayP50: number | null;
  delayP95: number | null;
  /** the latest message or turn (ISO) */
  lastActivity: string | null;
}

/** 0 decisions means no rate, not a rate of 0. */
export function speakRate(spoke: number, silences: number): number | null {
  const decided = spoke + silences;
  return decided === 0 ? null : spoke / decided;
}

/**
 * Nearest-rank percentile of ascending values (the value at rank ⌈p/100 × n⌉), the same
 * rule the SQL uses, so the index and the charts agree.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[nearestRank(sorted.length, p) - 1] ?? null;
}

/** 1-based rank of the p-th percentile among n values. */
export function nearestRank(n: number, p: number): number {
  return Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
}

function key(row: ReviewIndexRow, sort: IndexSort): string | number | null {
  switch (sort) {
    case "name":
      return row.name.toLocaleLowerCase();
    case "lastActivity":
      return row.lastActivity;
    case "silences":
      return row.silences;
    default:
      return row[sort];
  }
}

/**
 * Rows in the order asked; rooms without a figure (no decisions, no replies) go last in
 * either direction, and ties fall back to the name then the id so paging is stable.
 */
export function sortRows(rows: readonly ReviewIndexRow[], sort: IndexSort, dir: SortDir): ReviewIndexRow[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const ka = key(a, sort);
    const kb = key(b, sort);
    if (ka !== kb) {
      if (ka === null) return 1;
      if (kb === null) return -1;
      const c =
        typeof ka === "string" && typeof kb === "string" ? ka.localeCompare(kb) : Number(ka) - Number(kb);
      if (c !== 0) return c * sign;
    }
    return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  });
}

export interface Paged<T> {
  rows: T[];
  page: number;
  pages: number;
  total: number;
}

/** One page; a page past the end shows the last page rather than nothing. */
export function paginate<T>(rows: readonly T[], page: number, size: number): Paged<T> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, page), pages);
  return { rows: rows.slice((current - 1) * size, current * size), page: current, pages, total: rows.length };
}
