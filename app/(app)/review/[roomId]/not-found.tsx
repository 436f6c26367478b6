import { SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function ReviewRoomNotFound() {
  return (
    <EmptyState
      icon={<SearchX aria-hidden />}
      title="Room not found"
      description="This room doesn’t exist, was deleted, or you aren’t a member of it."
      action={
        <Button asChild variant="outline">
          <Link href="/review">Back to the review</Link>
        </Button>
      }
    />
  );
}
