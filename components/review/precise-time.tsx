"use client";

import { useHydrated } from "@/components/chat/local-time";

const preciseFormat = new Intl.DateTimeFormat(undefined, {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  fractionalSecondDigits: 1,
});

/** A time to the tenth of a second, in the reader's zone once hydrated (UTC before). */
export function PreciseTime({ iso, className }: { iso: string; className?: string }) {
  const hydrated = useHydrated();
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return (
    <time dateTime={iso} className={className}>
      {hydrated ? preciseFormat.format(date) : `${iso.slice(11, 21)} UTC`}
    </time>
  );
}
