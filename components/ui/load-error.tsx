import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

interface LoadErrorProps {
  title: string;
  message: string;
  /** The error boundary's retry. */
  reset: () => void;
  /** Somewhere safe to go instead. */
  back?: { href: string; label: string };
}

/** What an error boundary shows: what failed, that nothing is lost, a retry and a way back. */
export function LoadError({ title, message, reset, back }: LoadErrorProps) {
  return (
    <Alert variant="destructive">
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription className="grid gap-3">
        <p>{message}</p>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" size="sm" onClick={reset}>
            Try again
          </Button>
          {back && (
            <Button asChild variant="ghost" size="sm">
              <Link href={back.href}>{back.label}</Link>
            </Button>
          )}
        </div>
      </AlertDescription>
    </Alert>
  );
}
