import { LinkIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export default function InviteNotFound() {
  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle>
          <h1 className="flex items-center gap-2">
            <LinkIcon aria-hidden className="size-4" /> This invite link isn’t valid
          </h1>
        </CardTitle>
        <CardDescription>
          It may have been mistyped, or the room’s owner reset the link or deleted the room. Ask them for a
          new one.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Button asChild variant="outline" className="w-full">
          <Link href="/rooms">Go to my rooms</Link>
        </Button>
      </CardContent>
    </Card>
  );
}
