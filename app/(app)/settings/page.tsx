import type { Metadata } from "next";
import { auth } from "@/auth";
import { DisplayNameForm } from "@/components/settings/display-name-form";
import { ThemeToggle } from "@/components/theme-toggle";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { displayNameOf } from "@/lib/chat/people";
import { turnTaking } from "@/lib/chat/turn-taking-client";
import { updateDisplayName } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const session = await auth();
  const user = session?.user;
  const { mode } = turnTaking();
  const name = user ? await displayNameOf({ id: user.id, name: user.name ?? "" }) : "";
  return (
    <div className="grid gap-6">
      <h1 className="font-semibold text-2xl tracking-tight">Settings</h1>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Account</h2>
          </CardTitle>
          <CardDescription>Who you are signed in as, and the name people in your rooms see.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <DisplayNameForm current={name} action={updateDisplayName} />
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-muted-foreground">Name</dt>
            <dd data-testid="settings-name">{name}</dd>
            <dt className="text-muted-foreground">Email</dt>
            <dd>{user?.email ?? "—"}</dd>
            <dt className="text-muted-foreground">Type</dt>
            <dd>{user?.isGuest ? <Badge variant="secondary">Guest</Badge> : <Badge>Registered</Badge>}</dd>
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Turn-taking service</h2>
          </CardTitle>
          <CardDescription>
            Where agents decide when to speak and how their replies are paced.
          </CardDescription>
        </CardHeader>
        <CardContent className="text-sm">
          {mode === "hosted" ? (
            <p>Hosted Humalike API (configured on the server).</p>
          ) : (
            <p>Embedded engine, running inside this server. No account or network needed.</p>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Appearance</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="flex items-center gap-3 text-sm">
          <ThemeToggle /> Light, dark, or follow the system.
        </CardContent>
      </Card>
    </div>
  );
}
