"use client";

import { Check, Link2 } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Insecure origins (e.g. a LAN address over http) have no async clipboard.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

export function CopyInviteButton({ inviteUrl }: { inviteUrl: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), 2_500);
    return () => clearTimeout(timer);
  }, [state]);

  const onClick = async () => {
    const url = new URL(inviteUrl, window.location.origin).toString();
    setState((await copyText(url)) ? "copied" : "failed");
  };

  return (
    <div className="flex items-center gap-2">
      <Button variant="outline" size="sm" onClick={() => void onClick()}>
        {state === "copied" ? <Check aria-hidden /> : <Link2 aria-hidden />}
        <span className="hidden sm:inline">{state === "copied" ? "Copied" : "Copy invite link"}</span>
        <span className="sm:hidden">{state === "copied" ? "Copied" : "Invite"}</span>
      </Button>
      <span role="status" className="sr-only">
        {state === "copied" ? "Invite link copied to the clipboard" : ""}
      </span>
      {state === "failed" ? (
        <p role="alert" className="text-destructive text-xs">
          Couldn’t copy. Share this link: <span className="select-all break-all font-mono">{inviteUrl}</span>
        </p>
      ) : null}
    </div>
  );
}
