import type { ActionContext } from "../context";
import { schemaError, validationError } from "../errors";
import { newRowId, newWireId } from "../ids";
import { naturalize, naturalizeWithModel } from "../naturalize";
import { DEFAULT_PACING, scheduleTimes } from "../pacing";
import type { PendingBubble } from "../pending-bubble";
import { envelope } from "../realtime/frames";
import { parseBody, type RespondInput, respondSchema } from "../schemas";
import { addressedParticipants } from "../signals/silence-watch";
import { silenceMs } from "../signals/vocabulary";
import { selectSentSince } from "../store/queries/messages";
import { insertLiveReply, insertSupersededReply } from "../store/queries/replies";
import { insertScheduledBubble } from "../store/queries/scheduled-bubbles";
import { setAgentName } from "../store/queries/threads";
import type { Statement } from "../store/sql";
import { type ThreadWrite, withThreadWrite } from "../thread-write";
import { socialSignals, type ThreadRow } from "../threads";
import { formatTimestamp } from "../time";

export async function respond(ctx: ActionContext, body: unknown) {
  const input = parseBody(respondSchema, body);
  if (input.content.trim().length === 0)
    throw validationError([{ field: "content", message: "must not be blank" }]);
  // Another engine instance sharing the database may advance the epoch meanwhile: the
  // reply is written only if it has not, and otherwise this call is judged again (stale).
  const bill = (thread: ThreadRow) => (input.turn_epoch < thread.turnEpoch ? null : "respond");
  return withThreadWrite(ctx, input.thread_id, { bill }, (thread) => planRespond(ctx, input, thread));
}

type RespondResult = { scheduled: ScheduledBubble[]; superseded: boolean };
interface ScheduledBubble {
  id: string;
  thread_id: string;
  content: string;
  position: number;
  deliver_at: string;
  status: string;
  created_at: string;
  updated_at: string;
}

/** One attempt, under the thread's lock. */
async function planRespond(
  ctx: ActionContext,
  input: RespondInput,
  current: ThreadRow,
): Promise<ThreadWrite<RespondResult>> {
  const thread = current;
  const metadata = input.metadata === undefined ? null : JSON.stringify(input.metadata);
  if (input.turn_epoch < current.turnEpoch) {
    // The room moved on: a stale draft is normal, kept for review, never billed.
    return {
      statements: [
        insertSupersededReply({
          pk: newRowId(),
          threadPk: thread.pk,
          epoch: input.turn_epoch,
          draft: input.content,
          metadata,
          createdAt: new Date(),
        }),
      ],
      committed: () => ({ scheduled: [], superseded: true }),
    };
  }

  if (input.turn_epoch > current.turnEpoch) {
    // An epoch this thread never issued: refused before anything is billed or stored.
    throw schemaError([
      {
        loc: ["turn_epoch"],
        msg: `Input should be less than or equal to ${current.turnEpoch}, the thread's latest turn_epoch`,
        type: "less_than_equal",
      },
    ]);
  }

  const agentName = input.agent_name ?? current.agentName ?? undefined;
  const rewrite = ctx.rewriteModel
    ? await naturalizeWithModel({
        model: ctx.rewriteModel,
        draft: input.content,
        systemPrompt: input.system_prompt,
        agentName,
      })
    : { bubbles: naturalize(input.content), source: "deterministic" as const };
  const pacing = { ...DEFAULT_PACING, ...input.pacing };
  const createdAt = Date.now();
  const times = scheduleTimes(rewrite.bubbles, createdAt, pacing);
  const replyPk = newRowId();
  const created = new Date(createdAt);
  const rows = rewrite.bubbles.map((content, position) => ({
    id: newWireId(),
    content,
    position,
    isLast: position === rewrite.bubbles.length - 1,
    deliverAt: new Date(times[position]!),
    messageId: newWireId(),
  }));
  // Persisted (with the bill) before we answer, so a restart still delivers every bubble.
  const statements: Statement[] = [
    insertLiveReply({
      pk: replyPk,
      threadPk: thread.pk,
      epoch: input.turn_epoch,
      draft: input.content,
      metadata,
      source: rewrite.source,
      createdAt: created,
    }),
    ...rows.map((r) =>
      insertScheduledBubble({
        id: r.id,
        replyPk,
        threadPk: thread.pk,
        content: r.content,
        position: r.position,
        isLast: r.isLast,
        deliverAt: r.deliverAt,
        messageId: r.messageId,
        ownerId: ctx.scheduler.owner,
        createdAt: created,
      }),
    ),
    ...(input.agent_name ? [setAgentName(thread.pk, input.agent_name)] : []),
  ];

  return {
    statements,
    async committed() {
      if (input.agent_name) ctx.threads.remember({ ...current, agentName: input.agent_name });
      ctx.hub.publish(
        thread.pk,
        envelope("turn_taking.typing", thread.id, { thread_id: thread.id, typing: true }),
      );
      const parsedMetadata = input.metadata ?? null;
      ctx.scheduler.add(
        rows.map(
          (r): PendingBubble => ({
            id: r.id,
            threadPk: thread.pk,
            threadId: thread.id,
            replyPk,
            messageId: r.messageId,
            content: r.content,
            position: r.position,
            isLast: r.isLast,
            deliverAt: r.deliverAt.getTime(),
            metadata: parsedMetadata,
            sender: agentName ?? "agent",
          }),
        ),
      );
      if (socialSignals(current)) {
        await watchForSilence(ctx, thread.pk, thread.id, input.content, rows.at(-1)!.deliverAt.getTime());
      }
      return {
        scheduled: rows.map((r) => ({
          id: r.id,
          thread_id: thread.id,
          content: r.content,
          position: r.position,
          deliver_at: formatTimestamp(r.deliverAt),
          status: "scheduled",
          created_at: formatTimestamp(created),
          updated_at: formatTimestamp(created),
        })),
        superseded: false,
      };
    },
  };
}

/** went_silent: each participant the reply names who says nothing back in time. */
async function watchForSilence(
  ctx: ActionContext,
  threadPk: string,
  threadId: string,
  draft: string,
  lastAt: number,
) {
  const recent = (await ctx.history.load(threadPk)).slice(-50).filter((l) => !l.self);
  const participants = [...new Set(recent.map((l) => l.sender))];
  for (const participant of addressedParticipants(draft, participants)) {
    ctx.silence.watch(
      lastAt + silenceMs(),
      async () => {
        const query = selectSentSince(threadPk, participant, new Date(lastAt));
        const [row] = await ctx.sql.all(query.sql, query.args);
        return !row;
      },
      () =>
        ctx.hub.publish(
          threadPk,
          envelope("turn_taking.signal", threadId, {
            thread_id: threadId,
            user_id: participant,
            kind: "went_silent",
          }),
        ),
    );
  }
}
