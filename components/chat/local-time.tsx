"use client";

import { useSyncExternalStore } from "react";

const noopSubscribe = () => () => {};

/** False during SSR and hydration, true afterwards: time zones and "now" are only known on the client. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

function relative(date: Date, now: number): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return "just now";
  if (abs < 3600) return relativeFormat.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return relativeFormat.format(Math.round(seconds / 3600), "hour");
  if (abs < 7 * 86_400) return relativeFormat.format(Math.round(seconds / 86_400), "day");
  return dateTimeFormat.format(date);
}

interface LocalTimeProps {
  iso: string;
  /** "time": 3:04 PM (full date in the tooltip); "relative": 5 minutes ago. */
  format?: "time" | "relative";
  className?: string;
}

/** A <time> rendered in the reader's locale and time zone once hydrated. */
export function LocalTime({ iso, format = "time", className }: LocalTimeProps) {
  const hydrated = useHydrated();
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const text = hydrated
    ? format === "time"
      ? timeFormat.format(date)
      : relative(date, Date.now())
    : format === "time"
      ? iso.slice(11, 16)
      : iso.slice(0, 10);
  return (
    <time dateTime={iso} title={hydrated ? dateTimeFormat.format(date) : undefined} className={className}>
      {text}
    </time>
  );
}
