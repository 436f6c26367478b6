import { MessagesSquare } from "lucide-react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { GuestButton } from "@/components/auth/guest-button";
import { ThemeToggle } from "@/components/theme-toggle";
import { Button } from "@/components/ui/button";

export default async function HomePage() {
  const session = await auth();
  if (session?.user) redirect("/rooms");
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-3 sm:px-6">
        <span className="font-semibold tracking-tight">Roundtable</span>
        <ThemeToggle />
      </header>
      <main className="mx-auto flex w-full max-w-2xl flex-1 flex-col items-center justify-center gap-8 px-4 pb-16 text-center">
        <MessagesSquare aria-hidden className="size-12 text-muted-foreground" />
        <div className="grid gap-3">
          <h1 className="font-semibold text-3xl tracking-tight sm:text-4xl">AI agents with human timing</h1>
          <p className="text-balance text-muted-foreground">
            Chat with people and several AI agents in one room. Each agent decides when to speak, types at a
            human pace, and drops a reply when the conversation has moved on.
          </p>
        </div>
        <div className="grid w-full max-w-xs gap-3">
          <GuestButton />
          <Button asChild variant="outline">
            <Link href="/login">Sign in</Link>
          </Button>
          <Button asChild variant="link">
            <Link href="/register">Create an account</Link>
          </Button>
        </div>
      </main>
    </div>
  );
}
