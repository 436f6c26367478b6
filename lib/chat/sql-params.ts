import type { Dialect } from "./review-sql";

/** The parameters of one raw statement, bound in order and numbered as the dialect wants. */
export interface SqlParams {
  /** the values, in the order their placeholders were made */
  params: unknown[];
  /** binds a value: its placeholder */
  bind(value: unknown): string;
  /** binds an integer for an Int column (Postgres is told its type) */
  bindInt(value: number): string;
  /** binds a DateTime, as the column stores it, to compare with or write to a column */
  bindDate(value: Date): string;
  /** binds each value: an IN list's placeholders (callers never pass an empty list) */
  list(values: readonly unknown[]): string;
}

export function sqlParams(d: Dialect): SqlParams {
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return d.p(params.length);
  };
  return {
    params,
    bind,
    bindInt: (value) => (d.provider === "postgres" ? `${bind(value)}::int` : bind(value)),
    bindDate: (value) => {
      params.push(d.date(value));
      return d.dateParam(params.length);
    },
    list: (values) => values.map(bind).join(", "),
  };
}
