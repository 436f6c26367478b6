"use client";

import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export default function ReviewRoomError({ reset }: { error: Error; reset: () => void }) {
  return (
    <Alert variant="destructive">
      <AlertTitle>This review could not be loaded</AlertTitle>
      <AlertDescription className="grid gap-3">
        <p>Nothing is lost: every decision is kept on the server. Try again in a moment.</p>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" size="sm" onClick={reset}>
            Try again
          </Button>
          <Button asChild variant="ghost" size="sm">
            <Link href="/review">Back to the review</Link>
          </Button>
        </div>
      </AlertDescription>
    </Alert>
  );
}
