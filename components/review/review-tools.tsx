import { Download, FlaskConical, NotebookPen } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { exportFiles } from "@/lib/chat/export-links";

/** The room review's tools: annotations, what-if replay and downloads. */
export function ReviewTools({ roomId }: { roomId: string }) {
  const base = `/review/${encodeURIComponent(roomId)}`;
  return (
    <nav aria-label="Review tools" className="flex flex-wrap items-center gap-2">
      <Button asChild variant="outline" size="sm">
        <Link href={`${base}/annotations`}>
          <NotebookPen aria-hidden /> Annotations
        </Link>
      </Button>
      <Button asChild variant="outline" size="sm">
        <Link href={`${base}/what-if`}>
          <FlaskConical aria-hidden /> What-if replay
        </Link>
      </Button>
      <details className="relative">
        <summary className="inline-flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-md border px-3 font-medium text-sm shadow-xs hover:bg-accent focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 [&::-webkit-details-marker]:hidden">
          <Download aria-hidden className="size-4" /> Export
        </summary>
        <ul className="absolute right-0 z-10 mt-1 grid w-64 gap-0.5 rounded-md border bg-popover p-1 text-popover-foreground text-sm shadow-md">
          {exportFiles(roomId).map((f) => (
            <li key={f.href}>
              <a
                href={f.href}
                download
                className="block rounded px-2 py-1.5 hover:bg-accent focus-visible:bg-accent focus-visible:outline-none"
              >
                {f.label}
              </a>
            </li>
          ))}
        </ul>
      </details>
    </nav>
  );
}
