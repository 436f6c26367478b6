import { Skeleton } from "@/components/ui/skeleton";

export default function ReviewRoomLoading() {
  return (
    <div role="status" aria-label="Loading the review" className="grid gap-6">
      <Skeleton className="h-8 w-56" />
      <Skeleton className="h-32 w-full rounded-lg" />
      <div className="flex gap-2">
        {["a", "b", "c", "d"].map((k) => (
          <Skeleton key={k} className="h-7 w-24 rounded-full" />
        ))}
      </div>
      {["w-2/3", "w-1/2", "w-3/5"].map((width) => (
        <div key={width} className="grid gap-2">
          <Skeleton className={`h-10 ${width}`} />
          <Skeleton className="ml-6 h-9 w-3/4" />
        </div>
      ))}
    </div>
  );
}
