import { Skeleton } from "@/components/ui/skeleton";

export default function RoomLoading() {
  return (
    <div
      role="status"
      aria-label="Loading room"
      className="flex h-[calc(100dvh-9.5rem)] min-h-[26rem] flex-col gap-3 sm:h-[calc(100dvh-7rem)]"
    >
      <div className="flex items-center gap-3">
        <Skeleton className="h-7 w-48" />
        <Skeleton className="h-5 w-28" />
        <Skeleton className="ml-auto h-8 w-36" />
      </div>
      <div className="grid min-h-0 flex-1 gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="flex flex-col gap-4 rounded-lg border p-4">
          {["w-2/3", "w-1/2", "w-3/5", "w-1/3"].map((width, i) => (
            <div key={width} className={`flex gap-2 ${i % 2 ? "flex-row-reverse" : ""}`}>
              <Skeleton className="size-8 shrink-0 rounded-full" />
              <Skeleton className={`h-12 ${width}`} />
            </div>
          ))}
          <Skeleton className="mt-auto h-10 w-full" />
        </div>
        <div className="hidden flex-col gap-3 rounded-lg border p-3 lg:flex">
          <Skeleton className="h-5 w-24" />
          <Skeleton className="h-12 w-full" />
          <Skeleton className="h-12 w-full" />
          <Skeleton className="h-12 w-full" />
        </div>
      </div>
    </div>
  );
}
