"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { chatFetch, errorMessage } from "./chat-api";

export function JoinRoomButton({ code }: { code: string }) {
  const router = useRouter();
  const [joining, setJoining] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const join = async () => {
    setJoining(true);
    setError(null);
    try {
      const { roomId } = await chatFetch<{ roomId: string }>(`/api/invites/${encodeURIComponent(code)}`, {
        method: "POST",
      });
      router.push(`/rooms/${encodeURIComponent(roomId)}`);
    } catch (err) {
      setError(errorMessage(err));
      setJoining(false);
    }
  };

  return (
    <div className="grid gap-3">
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <Button onClick={() => void join()} disabled={joining}>
        {joining ? <Spinner label="Joining" /> : null}
        Join room
      </Button>
    </div>
  );
}
