"use client";

import { startTransition, useActionState, useState } from "react";
import type { DisplayNameState } from "@/app/(app)/settings/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { visibleFieldError } from "@/components/ui/field-errors";
import { Spinner } from "@/components/ui/spinner";
import { displayNameSchema } from "@/lib/chat/schemas";

interface DisplayNameFormProps {
  current: string;
  action: (state: DisplayNameState, formData: FormData) => Promise<DisplayNameState>;
}

/** The name other people in your rooms see. Keeps what you typed after an error; the error clears once fixed. */
export function DisplayNameForm({ current, action }: DisplayNameFormProps) {
  const [state, formAction, pending] = useActionState(action, { name: current });
  const [name, setName] = useState(current);
  const [edited, setEdited] = useState(false);
  const error = visibleFieldError(
    state.fieldErrors?.name,
    edited,
    () => displayNameSchema.shape.name.safeParse(name).error?.issues[0]?.message,
  );
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        // Submit through a transition so React does not reset the field after the action.
        event.preventDefault();
        setEdited(false);
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="grid max-w-sm gap-3"
      noValidate
    >
      {state.error ? (
        <Alert variant="destructive">
          <AlertDescription>{state.error}</AlertDescription>
        </Alert>
      ) : null}
      <Field
        label="Display name"
        name="name"
        autoComplete="nickname"
        maxLength={40}
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setEdited(true);
        }}
        error={error}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? <Spinner label="Saving" /> : null}
          Save name
        </Button>
        <p role="status" className="text-muted-foreground text-sm" data-testid="display-name-status">
          {state.savedAt && !edited && !pending ? "Saved. People in your rooms now see this name." : ""}
        </p>
      </div>
    </form>
  );
}
