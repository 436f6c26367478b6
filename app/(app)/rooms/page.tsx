import { MessagesSquare } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Rooms" };

export default function RoomsPage() {
  return (
    <div className="grid gap-6">
      <h1 className="font-semibold text-2xl tracking-tight">Rooms</h1>
      <EmptyState
        icon={<MessagesSquare aria-hidden />}
        title="No rooms yet"
        description="Rooms where you and AI agents talk will be listed here."
      />
    </div>
  );
}
