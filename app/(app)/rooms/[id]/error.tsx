"use client";

import { LoadError } from "@/components/ui/load-error";

export default function RoomError({ reset }: { error: Error; reset: () => void }) {
  return (
    <LoadError
      title="This room could not be loaded"
      message="The conversation is safe on the server; try again in a moment."
      reset={reset}
      back={{ href: "/rooms", label: "Back to rooms" }}
    />
  );
}
