"use client";

import { startTransition, useActionState, useState } from "react";
import type { FormState } from "@/app/(auth)/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { visibleFieldError } from "@/components/ui/field-errors";
import { Spinner } from "@/components/ui/spinner";
import { registerSchema } from "@/lib/auth/schemas";

interface CredentialsFormProps {
  mode: "login" | "register";
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  callbackUrl?: string;
}

type FieldName = "name" | "email" | "password";
const FIELDS = registerSchema.shape;

/** The message for one field's current value, or undefined once it is valid. */
function check(field: FieldName, value: string): string | undefined {
  return FIELDS[field].safeParse(value).error?.issues[0]?.message;
}

/**
 * Sign-in and registration. What was typed survives an error (the form is submitted in a
 * transition, so React does not reset it), and a field's error goes away as soon as the
 * field is fixed.
 */
export function CredentialsForm({ mode, action, callbackUrl }: CredentialsFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  const [values, setValues] = useState<Record<FieldName, string>>({ name: "", email: "", password: "" });
  const [touchedSinceSubmit, setTouched] = useState<Set<FieldName>>(new Set());
  const serverErrors = state.fieldErrors ?? {};

  const errorFor = (field: FieldName) =>
    visibleFieldError(serverErrors[field], touchedSinceSubmit.has(field), () => check(field, values[field]));

  const bind = (field: FieldName) => ({
    value: values[field],
    error: errorFor(field),
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      const value = event.target.value;
      setValues((current) => ({ ...current, [field]: value }));
      setTouched((current) => (current.has(field) ? current : new Set(current).add(field)));
    },
  });

  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(new Set());
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="grid gap-4"
      noValidate
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/rooms"} />
      {state.error ? (
        <Alert variant="destructive">
          <AlertDescription>{state.error}</AlertDescription>
        </Alert>
      ) : null}
      {mode === "register" ? (
        <Field label="Name" name="name" autoComplete="name" required maxLength={80} {...bind("name")} />
      ) : null}
      <Field label="Email" name="email" type="email" autoComplete="email" required {...bind("email")} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete={mode === "login" ? "current-password" : "new-password"}
        required
        minLength={8}
        {...bind("password")}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? <Spinner label="Working" /> : null}
        {mode === "login" ? "Sign in" : "Create account"}
      </Button>
    </form>
  );
}
