"use client";

import { Pencil, Plus, UserMinus } from "lucide-react";
import { useId } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { AgentDTO, MemberDTO } from "@/lib/chat/types";
import { cn } from "@/lib/utils";
import { isOfflineModel } from "./chat-api";

interface PeoplePanelProps {
  agents: readonly AgentDTO[];
  members: readonly MemberDTO[];
  meId: string;
  typingAgentIds: ReadonlySet<string>;
  /** Only the owner edits agents and removes members; members see the list. */
  isOwner: boolean;
  onEditAgent: (agent: AgentDTO) => void;
  onAddAgent: () => void;
  onRemoveMember: (member: MemberDTO) => void;
  className?: string;
}

export function PeoplePanel({
  agents,
  members,
  meId,
  typingAgentIds,
  isOwner,
  onEditAgent,
  onAddAgent,
  onRemoveMember,
  className,
}: PeoplePanelProps) {
  const sortedMembers = [...members].sort(
    (a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name),
  );
  const online = members.filter((m) => m.online).length;
  const id = useId();
  return (
    <div className={cn("flex min-w-0 flex-col gap-6", className)}>
      <section aria-labelledby={`${id}-agents`} className="flex min-w-0 flex-col gap-2">
        <div className="flex items-center justify-between gap-2">
          <h2 id={`${id}-agents`} className="font-semibold text-sm">
            Agents <span className="font-normal text-muted-foreground">({agents.length})</span>
          </h2>
          {isOwner ? (
            <Button variant="ghost" size="sm" onClick={onAddAgent}>
              <Plus aria-hidden /> Add agent
            </Button>
          ) : null}
        </div>
        {agents.length === 0 ? (
          <p className="rounded-md border border-dashed p-3 text-muted-foreground text-sm">
            {isOwner ? "No agents yet. Add one to get the conversation going." : "No agents yet."}
          </p>
        ) : (
          <ul className="flex min-w-0 flex-col gap-1">
            {agents.map((agent) => (
              <li key={agent.id} className="flex items-start gap-3 rounded-md p-2 hover:bg-accent/50">
                <Avatar name={agent.name} color={agent.color} size="sm" decorative className="mt-0.5" />
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-x-2 gap-y-1 font-medium text-sm">
                    <span
                      aria-hidden="true"
                      className="size-2.5 shrink-0 rounded-full"
                      style={{ backgroundColor: agent.color }}
                    />
                    <span className="truncate">{agent.name}</span>
                    {typingAgentIds.has(agent.id) ? (
                      <span className="font-normal text-muted-foreground text-xs">typing…</span>
                    ) : null}
                  </p>
                  <p className="line-clamp-2 text-muted-foreground text-xs">{agent.persona}</p>
                  {isOfflineModel(agent.modelId) ? (
                    <Badge variant="outline" className="mt-1 font-normal">
                      Offline persona model
                    </Badge>
                  ) : (
                    <p className="mt-1 truncate text-muted-foreground text-xs">{agent.modelLabel}</p>
                  )}
                </div>
                {isOwner ? (
                  <Button
                    variant="ghost"
                    size="icon"
                    className="size-8"
                    aria-label={`Edit ${agent.name}`}
                    onClick={() => onEditAgent(agent)}
                  >
                    <Pencil aria-hidden />
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby={`${id}-members`} className="flex min-w-0 flex-col gap-2">
        <h2 id={`${id}-members`} className="font-semibold text-sm">
          Members{" "}
          <span className="font-normal text-muted-foreground">
            ({online} of {members.length} online)
          </span>
        </h2>
        <ul className="flex min-w-0 flex-col gap-1">
          {sortedMembers.map((member) => (
            <li
              key={member.userId}
              className="flex items-center gap-3 rounded-md p-2"
              data-testid="member"
              data-role={member.role}
            >
              <span className="relative">
                <Avatar name={member.name} size="sm" decorative />
                <span
                  aria-hidden="true"
                  className={cn(
                    "absolute -right-0.5 -bottom-0.5 size-2.5 rounded-full ring-2 ring-background",
                    member.online ? "bg-green-600" : "bg-muted-foreground/60",
                  )}
                />
              </span>
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm">
                  {member.name}
                  {member.userId === meId ? <span className="text-muted-foreground"> (you)</span> : null}
                </p>
                <p className="text-muted-foreground text-xs">
                  {member.role === "owner" ? "Owner · " : "Member · "}
                  <span className={member.online ? "text-green-700 dark:text-green-400" : undefined}>
                    {member.online ? "Online" : "Offline"}
                  </span>
                </p>
              </div>
              {isOwner && member.role !== "owner" ? (
                <Button
                  variant="ghost"
                  size="icon"
                  className="size-8"
                  aria-label={`Remove ${member.name} from the room`}
                  onClick={() => onRemoveMember(member)}
                >
                  <UserMinus aria-hidden />
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
