"use client";

import { Check, Link2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The turn's permalink, and a button that copies its full address. */
export function TurnLink({ href, agentName }: { href: string; agentName: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(new URL(href, window.location.origin).toString());
      setCopied("yes");
    } catch {
      // Clipboard access can be refused; the permalink next to the button still works.
      setCopied("failed");
    }
    setTimeout(() => setCopied(null), 2000);
  }
  return (
    <span className="flex flex-wrap items-center gap-2 text-xs">
      <a
        href={href}
        data-testid="turn-permalink"
        className="text-muted-foreground underline-offset-2 hover:underline focus-visible:rounded-sm focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        Permalink
      </a>
      <Button type="button" variant="ghost" size="sm" className="h-7 px-2 text-xs" onClick={copy}>
        {copied === "yes" ? <Check aria-hidden /> : <Link2 aria-hidden />}
        <span aria-live="polite">
          {copied === "yes" ? "Copied" : copied === "failed" ? "Could not copy" : "Copy link"}
        </span>
        <span className="sr-only"> to {agentName}'s decision</span>
      </Button>
    </span>
  );
}
