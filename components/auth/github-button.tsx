import { signIn } from "@/auth";
import { Button } from "@/components/ui/button";

export function GitHubButton({ callbackUrl }: { callbackUrl?: string }) {
  return (
    <form
      action={async () => {
        "use server";
        await signIn("github", { redirectTo: callbackUrl ?? "/rooms" });
      }}
    >
      <Button type="submit" variant="outline" className="w-full">
        Continue with GitHub
      </Button>
    </form>
  );
}
