import type * as React from "react";

import { cn } from "@/lib/utils";

/** Loading placeholder. Decorative: pair it with a Spinner or aria-busy on the region being loaded. */
export function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-muted", className)}
      {...props}
    />
  );
}
