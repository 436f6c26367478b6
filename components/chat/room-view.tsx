"use client";

import { ClipboardList, Loader2, Users, UserX, WifiOff } from "lucide-react";
import Link from "next/link";
import { useCallback, useMemo, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { AgentDTO, MemberDTO, RoomDetail } from "@/lib/chat/types";
import { AgentEditorDialog } from "./agent-editor-dialog";
import { BudgetBadge } from "./budget-badge";
import { chatFetch, isOfflineModel, roomUrl } from "./chat-api";
import { Composer } from "./composer";
import { ConfirmDialog } from "./confirm-dialog";
import { CopyInviteButton } from "./copy-invite-button";
import type { Mentionable } from "./mentions";
import { MessageList } from "./message-list";
import { Notices } from "./notices";
import { PeoplePanel } from "./people-panel";
import { RoomSettingsMenu } from "./room-settings-menu";
import { TypingIndicators, type Typist } from "./typing-indicator";
import { useAgentSockets } from "./use-agent-sockets";
import { useRoomStream } from "./use-room-stream";

type Editing = { mode: "create" } | { mode: "edit"; agent: AgentDTO } | null;

function OfflineModelBadge({ agents }: { agents: readonly AgentDTO[] }) {
  const offline = agents.filter((a) => isOfflineModel(a.modelId));
  if (offline.length === 0) return null;
  const names = offline.map((a) => a.name).join(", ");
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Badge asChild variant="outline" className="font-normal">
          <button type="button">Offline persona model</button>
        </Badge>
      </TooltipTrigger>
      <TooltipContent>
        {offline.length === agents.length ? "All agents" : names} draft replies with the built-in offline
        model, not a network AI model.
      </TooltipContent>
    </Tooltip>
  );
}

export function RoomView({ initial }: { initial: RoomDetail }) {
  const room = useRoomStream(initial);
  const { agents, setAgents, addAgentBubble } = room;
  const { typingAgentIds } = useAgentSockets({ roomId: initial.id, agents, onBubble: addAgentBubble });
  const [peopleOpen, setPeopleOpen] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<MemberDTO | null>(null);
  const [inviteUrl, setInviteUrl] = useState(initial.inviteUrl);
  const meId = initial.me.userId;
  const { updateMessage, removeMessage } = room;
  const ownActions = useMemo(
    () => ({ roomId: initial.id, onEdited: updateMessage, onDeleted: removeMessage }),
    [initial.id, updateMessage, removeMessage],
  );
  const isOwner = initial.role === "owner";

  const typists = useMemo<Typist[]>(
    () => [
      ...agents
        .filter((a) => typingAgentIds.has(a.id))
        .map((a) => ({ key: `agent:${a.id}`, name: a.name, color: a.color })),
      ...room.typing.map((p) => ({ key: `user:${p.userId}`, name: p.name })),
    ],
    [agents, typingAgentIds, room.typing],
  );

  const mentionables = useMemo<Mentionable[]>(() => {
    const seen = new Set<string>();
    const list: Mentionable[] = [];
    for (const a of agents) list.push({ key: `agent:${a.id}`, name: a.name, kind: "agent", color: a.color });
    for (const m of room.members) {
      if (m.userId !== meId) list.push({ key: `user:${m.userId}`, name: m.name, kind: "person" });
    }
    return list.filter((item) => {
      const key = item.name.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }, [agents, room.members, meId]);

  const onAgentSaved = useCallback(
    (agent: AgentDTO) =>
      setAgents((list) =>
        list.some((a) => a.id === agent.id)
          ? list.map((a) => (a.id === agent.id ? agent : a))
          : [...list, agent],
      ),
    [setAgents],
  );
  const onAgentDeleted = useCallback(
    (agentId: string) => setAgents((list) => list.filter((a) => a.id !== agentId)),
    [setAgents],
  );
  // The agent dialog is opened from buttons that may be gone when it closes (the mobile
  // People sheet closes first): focus goes back to the button if it is still there, else to
  // the People button, else to the composer. Never to the page body.
  const openedFrom = useRef<HTMLElement | null>(null);
  const peopleButton = useRef<HTMLButtonElement>(null);
  const returnFocusTo = useCallback(
    () =>
      (openedFrom.current?.isConnected && openedFrom.current.offsetParent !== null
        ? openedFrom.current
        : null) ??
      (peopleButton.current?.offsetParent ? peopleButton.current : null) ??
      document.querySelector<HTMLElement>('textarea[name="content"]'),
    [],
  );
  const rememberOpener = () => {
    openedFrom.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  };
  const editAgent = (agent: AgentDTO) => {
    rememberOpener();
    setPeopleOpen(false);
    setEditing({ mode: "edit", agent });
  };
  const addAgent = () => {
    rememberOpener();
    setPeopleOpen(false);
    setEditing({ mode: "create" });
  };

  const panel = (
    <PeoplePanel
      agents={agents}
      members={room.members}
      meId={meId}
      typingAgentIds={typingAgentIds}
      isOwner={isOwner}
      onEditAgent={editAgent}
      onAddAgent={addAgent}
      onRemoveMember={(member) => {
        setPeopleOpen(false);
        setRemoving(member);
      }}
    />
  );
  const onlineCount = room.members.filter((m) => m.online).length;

  if (room.removed) {
    return (
      <EmptyState
        icon={<UserX aria-hidden />}
        headingLevel="h2"
        title="You were removed from this room"
        description={`The owner of “${room.name}” removed you. Ask them for a new invite if this was a mistake.`}
        action={
          <Button asChild variant="outline">
            <Link href="/rooms">Back to rooms</Link>
          </Button>
        }
      />
    );
  }

  return (
    <div className="flex h-[calc(100dvh-9.5rem)] min-h-[26rem] flex-col gap-3 sm:h-[calc(100dvh-7rem)]">
      <header className="grid gap-2">
        <div className="flex items-center gap-2">
          <h1
            className="min-w-0 flex-1 truncate font-semibold text-xl tracking-tight"
            data-testid="room-name"
          >
            {room.name}
          </h1>
          <CopyInviteButton inviteUrl={inviteUrl} />
          <Button
            ref={peopleButton}
            variant="outline"
            size="sm"
            className="lg:hidden"
            onClick={() => setPeopleOpen(true)}
          >
            <Users aria-hidden />
            People
            <span className="text-muted-foreground">
              {agents.length + room.members.length}
              <span className="sr-only"> ({onlineCount} people online)</span>
            </span>
          </Button>
          {initial.role === "owner" ? (
            <RoomSettingsMenu
              roomId={initial.id}
              name={room.name}
              onRenamed={room.setName}
              onInviteReset={setInviteUrl}
            />
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {initial.isDemo ? <Badge variant="secondary">Demo</Badge> : null}
          <Badge variant="outline" className="font-normal">
            {initial.turnTakingMode === "embedded" ? "Embedded engine" : "Hosted"}
          </Badge>
          <OfflineModelBadge agents={agents} />
          <BudgetBadge budget={room.budget} />
          <Button asChild variant="ghost" size="sm" className="ml-auto">
            <Link href={`/review/${encodeURIComponent(initial.id)}`}>
              <ClipboardList aria-hidden /> Review decisions
            </Link>
          </Button>
        </div>
      </header>

      <div className="grid min-h-0 flex-1 gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <section
          aria-label="Conversation"
          className="flex min-h-0 flex-col overflow-hidden rounded-lg border bg-card"
        >
          {room.status === "reconnecting" ? (
            <div
              role="status"
              className="flex items-center gap-2 border-b bg-muted px-3 py-1.5 text-muted-foreground text-xs"
            >
              <WifiOff aria-hidden className="size-3.5" />
              Reconnecting…
              <Loader2 aria-hidden className="ml-auto size-3.5 animate-spin" />
            </div>
          ) : null}
          <MessageList
            messages={room.messages}
            meId={meId}
            agents={agents}
            className="flex-1"
            ownActions={ownActions}
            reviewRoomId={initial.id}
          />
          <div className="grid gap-1 border-t p-3">
            <TypingIndicators typists={typists} />
            <Composer roomId={initial.id} mentionables={mentionables} onSent={room.addMessage} />
          </div>
        </section>
        <aside
          aria-label="People"
          className="hidden min-h-0 overflow-y-auto rounded-lg border bg-card p-3 lg:block"
        >
          {panel}
        </aside>
      </div>

      <Dialog open={peopleOpen} onOpenChange={setPeopleOpen}>
        <DialogContent className="top-0 right-0 left-auto h-dvh max-h-dvh w-[min(22rem,90vw)] translate-x-0 translate-y-0 content-start rounded-none border-y-0 border-r-0 sm:max-w-sm">
          <DialogHeader className="text-left">
            <DialogTitle>People</DialogTitle>
            <DialogDescription>The agents and people in {room.name}.</DialogDescription>
          </DialogHeader>
          {panel}
        </DialogContent>
      </Dialog>

      {isOwner ? (
        <AgentEditorDialog
          roomId={initial.id}
          agent={editing?.mode === "edit" ? editing.agent : undefined}
          open={editing !== null}
          onOpenChange={(open) => {
            if (!open) setEditing(null);
          }}
          onSaved={onAgentSaved}
          onDeleted={onAgentDeleted}
          takenColors={agents.map((a) => a.color)}
          returnFocusTo={returnFocusTo}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => {
          if (!open) setRemoving(null);
        }}
        title={`Remove ${removing?.name ?? "this member"}?`}
        description="They leave the room at once and can only come back with the invite link. Reset the link too if they should not."
        confirmLabel="Remove"
        onConfirm={async () => {
          if (!removing) return;
          await chatFetch<void>(roomUrl(initial.id, `/members/${encodeURIComponent(removing.userId)}`), {
            method: "DELETE",
          });
        }}
      />
      <Notices notices={room.notices} onDismiss={room.dismissNotice} />
    </div>
  );
}
