import { ClipboardList } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Review" };

export default function ReviewPage() {
  return (
    <div className="grid gap-6">
      <h1 className="font-semibold text-2xl tracking-tight">Review</h1>
      <EmptyState
        icon={<ClipboardList aria-hidden />}
        title="Nothing to review yet"
        description="Every decision an agent makes in your rooms, silences included, appears here with its reasons."
      />
    </div>
  );
}
