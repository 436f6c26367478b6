import { Bot, Users } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { RoomSummary } from "@/lib/chat/types";
import { LocalTime } from "./local-time";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function RoomCard({ room }: { room: RoomSummary }) {
  return (
    <li>
      <Link
        href={`/rooms/${encodeURIComponent(room.id)}`}
        data-testid="room-card"
        className="group flex h-full flex-col gap-3 rounded-xl border bg-card p-4 text-card-foreground shadow-sm transition-colors hover:bg-accent/40 focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <div className="flex items-start justify-between gap-2">
          <h2 className="min-w-0 truncate font-semibold group-hover:underline">{room.name}</h2>
          <div className="flex shrink-0 gap-1">
            {room.isDemo ? <Badge variant="secondary">Demo</Badge> : null}
            {room.role === "owner" ? (
              <Badge variant="outline" className="font-normal">
                Owner
              </Badge>
            ) : null}
          </div>
        </div>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-muted-foreground text-sm">
          <span className="inline-flex items-center gap-1.5">
            <Bot aria-hidden className="size-4" /> {plural(room.agentCount, "agent", "agents")}
          </span>
          <span className="inline-flex items-center gap-1.5">
            <Users aria-hidden className="size-4" /> {plural(room.memberCount, "member", "members")}
          </span>
        </p>
        {room.lastMessage ? (
          <div className="mt-auto grid gap-0.5 text-sm">
            <p className="line-clamp-2 text-muted-foreground">
              <span className="font-medium text-foreground">{room.lastMessage.senderName}:</span>{" "}
              {room.lastMessage.content}
            </p>
            <LocalTime
              iso={room.lastMessage.createdAt}
              format="relative"
              className="text-muted-foreground text-xs"
            />
          </div>
        ) : (
          <p className="mt-auto text-muted-foreground text-sm italic">No messages yet</p>
        )}
      </Link>
    </li>
  );
}
