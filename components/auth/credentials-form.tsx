"use client";

import { useActionState } from "react";
import type { FormState } from "@/app/(auth)/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";

interface CredentialsFormProps {
  mode: "login" | "register";
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  callbackUrl?: string;
}

export function CredentialsForm({ mode, action, callbackUrl }: CredentialsFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/rooms"} />
      {state.error ? (
        <Alert variant="destructive">
          <AlertDescription>{state.error}</AlertDescription>
        </Alert>
      ) : null}
      {mode === "register" ? (
        <Field label="Name" name="name" autoComplete="name" required maxLength={80} error={errors.name} />
      ) : null}
      <Field label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete={mode === "login" ? "current-password" : "new-password"}
        required
        minLength={8}
        error={errors.password}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? <Spinner label="Working" /> : null}
        {mode === "login" ? "Sign in" : "Create account"}
      </Button>
    </form>
  );
}
