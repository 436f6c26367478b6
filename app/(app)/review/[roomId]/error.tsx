"use client";

import { LoadError } from "@/components/ui/load-error";

export default function ReviewRoomError({ reset }: { error: Error; reset: () => void }) {
  return (
    <LoadError
      title="This review could not be loaded"
      message="Nothing is lost: every decision is kept on the server. Try again in a moment."
      reset={reset}
      back={{ href: "/review", label: "Back to the review" }}
    />
  );
}
