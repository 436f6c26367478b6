/** The API's one timestamp format: UTC ISO 8601 with microseconds and a literal Z. */
export function formatTimestamp(value: Date | number): string {
  const date = typeof value === "number" ? new Date(value) : value;
  return `${date.toISOString().slice(0, -1)}000Z`;
}
