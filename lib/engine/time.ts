/** The API's one timestamp format: UTC ISO 8601 with microseconds and a literal Z. */
export function formatTimestamp(value: Date | number): string {
  const date = typeof value === "number" ? new Date(value) : value;
  return `${date.toISOString().slice(0, -1)}000Z`;
}

/** The socket's `attached.server_time`: the same instant with `+00:00`, as the hosted service sends it. */
export function formatOffsetTimestamp(value: Date | number): string {
  return `${formatTimestamp(value).slice(0, -1)}+00:00`;
}
