import type { Metadata } from "next";
import Link from "next/link";
import { githubEnabled } from "@/auth";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { GitHubButton } from "@/components/auth/github-button";
import { GuestButton } from "@/components/auth/guest-button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";
import { login } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle>
          <h1>Sign in</h1>
        </CardTitle>
        <CardDescription>Welcome back to Roundtable.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <CredentialsForm mode="login" action={login} callbackUrl={callbackUrl} />
        <Separator />
        <GuestButton callbackUrl={callbackUrl} />
        {githubEnabled() ? <GitHubButton callbackUrl={callbackUrl} /> : null}
      </CardContent>
      <CardFooter className="text-muted-foreground text-sm">
        No account yet?&nbsp;
        <Link className="underline underline-offset-4" href="/register">
          Register
        </Link>
      </CardFooter>
    </Card>
  );
}
