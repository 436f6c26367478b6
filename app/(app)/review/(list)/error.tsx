"use client";

import { LoadError } from "@/components/ui/load-error";

export default function ReviewIndexError({ reset }: { error: Error; reset: () => void }) {
  return (
    <LoadError
      title="The review could not be loaded"
      message="Nothing is lost: your rooms and their decisions are kept. Try again in a moment."
      reset={reset}
      back={{ href: "/rooms", label: "Back to rooms" }}
    />
  );
}
