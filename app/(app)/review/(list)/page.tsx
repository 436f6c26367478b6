import { ClipboardList } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { LocalTime } from "@/components/chat/local-time";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listReviewRooms } from "@/lib/chat/review";

export const metadata: Metadata = { title: "Review" };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default async function ReviewPage() {
  const session = await auth();
  if (!session?.user?.id) redirect("/login");
  const rooms = await listReviewRooms(session.user.id);
  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h1 className="font-semibold text-2xl tracking-tight">Review</h1>
        <p className="text-muted-foreground text-sm">
          Every decision your rooms’ agents made, silences included, with the reasons behind it.
        </p>
      </div>
      {rooms.length === 0 ? (
        <EmptyState
          icon={<ClipboardList aria-hidden />}
          title="No rooms to review"
          description="Decisions appear here once you are in a room and someone talks in it."
          action={
            <Button asChild variant="outline">
              <Link href="/rooms">Go to rooms</Link>
            </Button>
          }
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Rooms to review">
          {rooms.map((room) => (
            <li key={room.id}>
              <Link
                href={`/review/${encodeURIComponent(room.id)}`}
                data-testid="review-room-card"
                className="group flex h-full flex-col gap-2 rounded-xl border bg-card p-4 text-card-foreground shadow-sm transition-colors hover:bg-accent/40 focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
              >
                <h2 className="truncate font-semibold group-hover:underline">{room.name}</h2>
                {room.turns === 0 ? (
                  <p className="text-muted-foreground text-sm italic">
                    No decisions yet: {plural(room.agentCount, "agent is", "agents are")} waiting for someone
                    to talk.
                  </p>
                ) : (
                  <>
                    <p className="text-sm">
                      {plural(room.turns, "turn", "turns")}: {room.spoke} spoke, {room.silent} silent
                      {room.heard > 0 ? `, ${room.heard} heard without being asked` : ""}
                      {room.dropped > 0 ? `, ${room.dropped} dropped` : ""}
                    </p>
                    {room.lastTurnAt ? (
                      <p className="mt-auto text-muted-foreground text-xs">
                        Last decision <LocalTime iso={room.lastTurnAt} format="relative" />
                      </p>
                    ) : null}
                  </>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
