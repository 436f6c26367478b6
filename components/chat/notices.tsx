"use client";

import { Info, TriangleAlert, X } from "lucide-react";
import { useEffect } from "react";
import { cn } from "@/lib/utils";
import type { Notice } from "./use-room-stream";

const DISMISS_AFTER_MS = { info: 6_000, warning: 10_000 } as const;

function Toast({ notice, onDismiss }: { notice: Notice; onDismiss: (id: number) => void }) {
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(notice.id), DISMISS_AFTER_MS[notice.level]);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);
  const Icon = notice.level === "warning" ? TriangleAlert : Info;
  return (
    <div
      role="status"
      className={cn(
        "pointer-events-auto flex w-full items-start gap-3 rounded-lg border bg-popover p-3 text-popover-foreground text-sm shadow-lg data-[level=warning]:border-amber-600/60",
        "animate-pop-in",
      )}
      data-level={notice.level}
    >
      <Icon
        aria-hidden
        className={cn(
          "mt-0.5 size-4 shrink-0",
          notice.level === "warning" ? "text-amber-600 dark:text-amber-400" : "text-muted-foreground",
        )}
      />
      <p className="flex-1">
        <span className="sr-only">{notice.level === "warning" ? "Warning: " : "Notice: "}</span>
        {notice.message}
      </p>
      <button
        type="button"
        onClick={() => onDismiss(notice.id)}
        className="-m-1 rounded-sm p-1 text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <X aria-hidden className="size-4" />
        <span className="sr-only">Dismiss</span>
      </button>
    </div>
  );
}

/** Non-blocking toasts for the room stream's `notice` events. */
export function Notices({
  notices,
  onDismiss,
}: {
  notices: readonly Notice[];
  onDismiss: (id: number) => void;
}) {
  if (notices.length === 0) return null;
  return (
    <section
      aria-label="Notifications"
      className="pointer-events-none fixed right-4 bottom-4 z-40 flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2"
    >
      {notices.map((notice) => (
        <Toast key={notice.id} notice={notice} onDismiss={onDismiss} />
      ))}
    </section>
  );
}
