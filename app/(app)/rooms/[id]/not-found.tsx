import { SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function RoomNotFound() {
  return (
    <EmptyState
      icon={<SearchX aria-hidden />}
      headingLevel="h2"
      title="Room not found"
      description="This room doesn’t exist, was deleted, or you aren’t a member. Ask someone in it for an invite link."
      action={
        <Button asChild variant="outline">
          <Link href="/rooms">Back to rooms</Link>
        </Button>
      }
    />
  );
}
