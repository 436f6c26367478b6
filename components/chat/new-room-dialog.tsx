"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import type { RoomSummary } from "@/lib/chat/types";
import { ChatApiError, chatFetch, errorMessage } from "./chat-api";

function NewRoomForm({ onCancel }: { onCancel: () => void }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setError("Give the room a name.");
      return;
    }
    setCreating(true);
    setError(null);
    try {
      const { room } = await chatFetch<{ room: RoomSummary }>("/api/rooms", {
        method: "POST",
        json: { name: trimmed },
      });
      router.push(`/rooms/${encodeURIComponent(room.id)}`);
    } catch (err) {
      setError(err instanceof ChatApiError && err.fields.name ? err.fields.name : errorMessage(err));
      setCreating(false);
    }
  };

  return (
    <form
      noValidate
      className="grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field
        label="Room name"
        name="new-room-name"
        value={name}
        maxLength={80}
        autoComplete="off"
        placeholder="e.g. Friday brainstorm"
        error={error ?? undefined}
        onChange={(e) => {
          setName(e.target.value);
          // The only thing wrong can be an empty name: the message goes once there is one.
          if (e.target.value.trim()) setError(null);
        }}
      />
      <DialogFooter>
        <Button variant="outline" onClick={onCancel} disabled={creating}>
          Cancel
        </Button>
        <Button type="submit" disabled={creating}>
          {creating ? <Spinner label="Creating" /> : null}
          Create room
        </Button>
      </DialogFooter>
    </form>
  );
}

/** "New room" button and dialog: POST /api/rooms, then open the room. */
export function NewRoomDialog({ variant = "default" }: { variant?: ButtonProps["variant"] }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={variant}>
          <Plus aria-hidden /> New room
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New room</DialogTitle>
          <DialogDescription>
            It starts with three agents; you can edit or remove them any time.
          </DialogDescription>
        </DialogHeader>
        {open ? <NewRoomForm onCancel={() => setOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}
