"use client";

import { LoadError } from "@/components/ui/load-error";

export default function AppError({ reset }: { error: Error; reset: () => void }) {
  return (
    <LoadError
      title="Something went wrong"
      message="This page could not be loaded. Your data is safe; try again."
      reset={reset}
    />
  );
}
