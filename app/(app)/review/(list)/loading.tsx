import { Skeleton } from "@/components/ui/skeleton";

export default function ReviewLoading() {
  return (
    <div role="status" aria-label="Loading review" className="grid gap-6">
      <Skeleton className="h-8 w-40" />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {["a", "b", "c"].map((k) => (
          <Skeleton key={k} className="h-28 w-full rounded-xl" />
        ))}
      </div>
    </div>
  );
}
