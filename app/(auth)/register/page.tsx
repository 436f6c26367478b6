import type { Metadata } from "next";
import Link from "next/link";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { register } from "../actions";

export const metadata: Metadata = { title: "Register" };

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle>
          <h1>Create an account</h1>
        </CardTitle>
        <CardDescription>Guests keep their rooms when they register.</CardDescription>
      </CardHeader>
      <CardContent>
        <CredentialsForm mode="register" action={register} callbackUrl={callbackUrl} />
      </CardContent>
      <CardFooter className="text-muted-foreground text-sm">
        Already registered?&nbsp;
        <Link className="underline underline-offset-4" href="/login">
          Sign in
        </Link>
      </CardFooter>
    </Card>
  );
}
