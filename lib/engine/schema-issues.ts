import type { z } from "zod";
import { INTEGER_MESSAGE } from "../contract/turn-taking";
import type { SchemaErrorDetail } from "./errors";

// zod's issues, restated the way the hosted service (a pydantic model) words them, since
// clients written against production branch on `type` and show `msg`.

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const TYPE_BY_EXPECTED: Record<string, [type: string, msg: string]> = {
  string: ["string_type", "Input should be a valid string"],
  number: ["float_type", "Input should be a valid number"],
  int: ["int_type", "Input should be a valid integer"],
  boolean: ["bool_type", "Input should be a valid boolean"],
  array: ["list_type", "Input should be a valid list"],
  object: ["model_type", "Input should be a valid dictionary or object to extract fields from"],
  record: ["dict_type", "Input should be a valid dictionary"],
};

function invalidType(issue: z.core.$ZodIssueInvalidType): [string, string] {
  if (issue.input === undefined) return ["missing", "Field required"];
  if (issue.expected === "int" || issue.message === INTEGER_MESSAGE) {
    if (typeof issue.input !== "number") return ["int_type", INTEGER_MESSAGE];
    return Number.isSafeInteger(Math.trunc(issue.input))
      ? ["int_from_float", "Input should be a valid integer, got a number with a fractional part"]
      : ["int_type", "Input should be a valid integer"];
  }
  return (
    TYPE_BY_EXPECTED[issue.expected] ?? [
      `${issue.expected}_type`,
      `Input should be a valid ${issue.expected}`,
    ]
  );
}

function tooSmall(issue: z.core.$ZodIssueTooSmall): [string, string] {
  const min = Number(issue.minimum);
  if (issue.origin === "string")
    return ["string_too_short", `String should have at least ${plural(min, "character", "characters")}`];
  if (issue.origin === "array")
    return ["too_short", `List should have at least ${plural(min, "item", "items")} after validation`];
  return issue.inclusive
    ? ["greater_than_equal", `Input should be greater than or equal to ${min}`]
    : ["greater_than", `Input should be greater than ${min}`];
}

function tooBig(issue: z.core.$ZodIssueTooBig): [string, string] {
  const max = Number(issue.maximum);
  if (issue.origin === "string")
    return ["string_too_long", `String should have at most ${plural(max, "character", "characters")}`];
  if (issue.origin === "array")
    return ["too_long", `List should have at most ${plural(max, "item", "items")} after validation`];
  return issue.inclusive
    ? ["less_than_equal", `Input should be less than or equal to ${max}`]
    : ["less_than", `Input should be less than ${max}`];
}

const quote = (v: unknown) => (typeof v === "string" ? `'${v}'` : String(v));

function literal(values: readonly unknown[]): string {
  const quoted = values.map(quote);
  const last = quoted.pop();
  return `Input should be ${quoted.length > 0 ? `${quoted.join(", ")} or ${last}` : last}`;
}

function describe(issue: z.core.$ZodIssue): [string, string] {
  switch (issue.code) {
    case "invalid_type":
      return invalidType(issue);
    case "too_small":
      return tooSmall(issue);
    case "too_big":
      return tooBig(issue);
    case "invalid_value":
      return ["literal_error", literal(issue.values)];
    case "custom": {
      // Refinements name their own type (e.g. uuid_parsing); a plain rule is a value_error.
      const type = typeof issue.params?.type === "string" ? issue.params.type : "value_error";
      return [type, type === "value_error" ? `Value error, ${issue.message}` : issue.message];
    }
    default:
      return ["value_error", `Value error, ${issue.message}`];
  }
}

/** One detail per distinct (path, type), in the order zod found them. */
export function schemaDetails(issues: readonly z.core.$ZodIssue[]): SchemaErrorDetail[] {
  const details: SchemaErrorDetail[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const [type, msg] = describe(issue);
    const loc = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
    const key = `${JSON.stringify(loc)} ${type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    details.push({ loc, msg, type });
  }
  return details;
}
