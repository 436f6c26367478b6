"use client";

import { Link2Off, Pencil, Settings, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { AlertDialog } from "radix-ui";
import { useCallback, useRef, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Field } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { ChatApiError, chatFetch, errorMessage, roomUrl } from "./chat-api";
import { ConfirmDialog } from "./confirm-dialog";

interface RoomSettingsMenuProps {
  roomId: string;
  name: string;
  onRenamed: (name: string) => void;
  onInviteReset: (inviteUrl: string) => void;
}

/** Owner-only: rename the room, reset its invite link, delete it. */
export function RoomSettingsMenu({ roomId, name, onRenamed, onInviteReset }: RoomSettingsMenuProps) {
  const [dialog, setDialog] = useState<"rename" | "invite" | "delete" | null>(null);
  // The dialogs open from a menu item that is gone by the time they close: focus goes back to the menu button.
  const trigger = useRef<HTMLButtonElement>(null);
  const returnFocus = useCallback((event: Event) => {
    event.preventDefault();
    trigger.current?.focus();
  }, []);
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button ref={trigger} variant="ghost" size="icon" aria-label="Room settings">
            <Settings aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-48">
          <DropdownMenuLabel className="truncate">{name}</DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setDialog("rename")}>
            <Pencil aria-hidden /> Rename…
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setDialog("invite")}>
            <Link2Off aria-hidden /> Reset invite link…
          </DropdownMenuItem>
          <DropdownMenuItem variant="destructive" onSelect={() => setDialog("delete")}>
            <Trash2 aria-hidden /> Delete room…
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <RenameDialog
        open={dialog === "rename"}
        onOpenChange={(open) => setDialog(open ? "rename" : null)}
        roomId={roomId}
        name={name}
        onRenamed={onRenamed}
        onCloseAutoFocus={returnFocus}
      />
      <ConfirmDialog
        open={dialog === "invite"}
        onOpenChange={(open) => setDialog(open ? "invite" : null)}
        title="Reset the invite link?"
        description="The current link stops working at once; people already in the room stay. Share the new link to invite others."
        confirmLabel="Reset link"
        onConfirm={async () => {
          const { inviteUrl } = await chatFetch<{ inviteUrl: string }>(roomUrl(roomId, "/invite"), {
            method: "POST",
          });
          onInviteReset(inviteUrl);
        }}
      />
      <DeleteRoomDialog
        open={dialog === "delete"}
        onOpenChange={(open) => setDialog(open ? "delete" : null)}
        roomId={roomId}
        name={name}
        onCloseAutoFocus={returnFocus}
      />
    </>
  );
}

interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  roomId: string;
  name: string;
  onCloseAutoFocus: (event: Event) => void;
}

function RenameDialog({
  open,
  onOpenChange,
  roomId,
  name,
  onRenamed,
  onCloseAutoFocus,
}: DialogProps & { onRenamed: (name: string) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {open ? (
        <RenameForm
          roomId={roomId}
          name={name}
          onRenamed={onRenamed}
          onOpenChange={onOpenChange}
          onCloseAutoFocus={onCloseAutoFocus}
        />
      ) : null}
    </Dialog>
  );
}

function RenameForm({
  roomId,
  name,
  onRenamed,
  onOpenChange,
  onCloseAutoFocus,
}: Omit<DialogProps, "open"> & { onRenamed: (name: string) => void }) {
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const next = value.trim();
    if (!next) {
      setError("Give the room a name.");
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const { room } = await chatFetch<{ room: { id: string; name: string } }>(roomUrl(roomId), {
        method: "PATCH",
        json: { name: next },
      });
      onRenamed(room.name);
      onOpenChange(false);
    } catch (err) {
      setError(err instanceof ChatApiError && err.fields.name ? err.fields.name : errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <DialogContent onCloseAutoFocus={onCloseAutoFocus}>
      <DialogHeader>
        <DialogTitle>Rename room</DialogTitle>
        <DialogDescription>Everyone in the room sees the new name.</DialogDescription>
      </DialogHeader>
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
          name="rename-room"
          value={value}
          maxLength={80}
          autoComplete="off"
          error={error ?? undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={saving}>
            {saving ? <Spinner label="Saving" /> : null}
            Save
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}

function DeleteRoomDialog({ open, onOpenChange, roomId, name, onCloseAutoFocus }: DialogProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);

  const remove = async () => {
    setDeleting(true);
    setError(null);
    try {
      await chatFetch<void>(roomUrl(roomId), { method: "DELETE" });
      router.replace("/rooms");
      router.refresh();
    } catch (err) {
      setError(errorMessage(err));
      setDeleting(false);
    }
  };

  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!deleting) onOpenChange(next);
        if (!next) setError(null);
      }}
    >
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-black/50 data-[state=closed]:animate-fade-out data-[state=open]:animate-fade-in" />
        <AlertDialog.Content
          onCloseAutoFocus={onCloseAutoFocus}
          className="fixed top-1/2 left-1/2 z-50 grid w-full max-w-[calc(100%-2rem)] -translate-x-1/2 -translate-y-1/2 gap-4 rounded-lg border bg-background p-6 shadow-lg outline-none data-[state=closed]:animate-pop-out data-[state=open]:animate-pop-in sm:max-w-md"
        >
          <AlertDialog.Title className="font-semibold text-lg leading-none">
            Delete “{name}”?
          </AlertDialog.Title>
          <AlertDialog.Description className="text-muted-foreground text-sm">
            The room, its agents and its whole conversation are removed for everyone. This cannot be undone.
          </AlertDialog.Description>
          {error ? (
            <Alert variant="destructive">
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          ) : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel className={buttonVariants({ variant: "outline" })} disabled={deleting}>
              Cancel
            </AlertDialog.Cancel>
            {/* Not AlertDialog.Action: it would close the dialog before the request finishes. */}
            <Button variant="destructive" disabled={deleting} onClick={() => void remove()}>
              {deleting ? <Spinner label="Deleting" /> : null}
              Delete room
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
