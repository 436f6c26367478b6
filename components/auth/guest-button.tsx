"use client";

import { useFormStatus } from "react-dom";
import { continueAsGuest } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

function Submit() {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="secondary" className="w-full" disabled={pending}>
      {pending ? <Spinner label="Starting guest session" /> : null}
      Continue as guest
    </Button>
  );
}

export function GuestButton({ callbackUrl }: { callbackUrl?: string }) {
  return (
    <form action={continueAsGuest}>
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/rooms"} />
      <Submit />
    </form>
  );
}
