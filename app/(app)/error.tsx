"use client";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export default function AppError({ reset }: { error: Error; reset: () => void }) {
  return (
    <Alert variant="destructive">
      <AlertTitle>Something went wrong</AlertTitle>
      <AlertDescription className="grid gap-3">
        <p>This page could not be loaded. Your data is safe; try again.</p>
        <Button variant="outline" size="sm" onClick={reset} className="w-fit">
          Try again
        </Button>
      </AlertDescription>
    </Alert>
  );
}
