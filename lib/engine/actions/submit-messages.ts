import type { ActionContext } from "../context";
import { resolveAgentName } from "../decide";
import type { ChatLine, DecisionResult } from "../decide/types";
import { newRowId } from "../ids";
import { cancelPendingReply, type InterruptedBubble, interruptedFrom, interrupts } from "../interruption";
import { envelope } from "../realtime/frames";
import { parseBody, type SubmitMessagesInput, submitMessagesSchema } from "../schemas";
import { batchSignals } from "../signals/batch-signals";
import { insertDecision } from "../store/queries/decisions";
import { insertSubmittedMessage } from "../store/queries/messages";
import { advanceTurnEpoch } from "../store/queries/threads";
import type { Statement } from "../store/sql";
import { type ThreadWrite, withThreadWrite } from "../thread-write";
import { socialSignals, type ThreadRow } from "../threads";

export async function submitMessages(ctx: ActionContext, body: unknown) {
  const input = parseBody(submitMessagesSchema, body);
  const skip =
    input.skip_decide === true ? "skip_decide" : input.messages.some((m) => m.has_media) ? "has_media" : null;
  // Another engine instance sharing the database can advance the epoch meanwhile: the
  // write is guarded by the epoch it read, and a stale call reads and decides again.
  return withThreadWrite(ctx, input.thread_id, { bill: skip === null ? "submit_messages" : null }, (thread) =>
    planSubmit(ctx, input, skip, thread),
  );
}

/** One attempt, under the thread's lock; `skip` names why no decision is made (and nothing billed). */
async function planSubmit(
  ctx: ActionContext,
  input: SubmitMessagesInput,
  skip: string | null,
  current: ThreadRow,
): Promise<ThreadWrite<SubmitResult>> {
  const thread = current;
  const billed = skip === null;
  const receivedAt = Date.now();
  const batch: ChatLine[] = input.messages.map((m) => ({
    sender: m.sender,
    content: m.content,
    ts: m.client_ts ? Date.parse(m.client_ts) : receivedAt,
  }));
  const agentName = resolveAgentName(input.agent_name, current.agentName, input.system_prompt);
  const history = await ctx.history.load(thread.pk);
  // Typing and bursts inform every decision; tags are only shown with social_signals.
  const signals = batchSignals(history, batch, await ctx.events.recent(thread.pk, receivedAt), receivedAt);
  const tags = socialSignals(current) ? signals.tags : [];
  const decision: DecisionResult = skip
    ? { decision: "speak", score: 1, reasons: [{ factor: skip, weight: 1 }] }
    : await ctx.decider.decide({
        agentName,
        systemPrompt: input.system_prompt ?? null,
        history,
        batch,
        now: receivedAt,
        signals: signals.decision,
      });
  const epoch = current.turnEpoch + 1;
  const at = new Date(receivedAt);
  const interrupting =
    current.interruptible &&
    interrupts(
      input.messages.map((m) => m.sender),
      agentName,
    );
  // Append, advance the epoch, record the decision (and the bill) in one transaction.
  const statements: Statement[] = [
    advanceTurnEpoch(thread.pk, current.turnEpoch),
    ...input.messages.map((m, i) =>
      insertSubmittedMessage({
        pk: newRowId(),
        threadPk: thread.pk,
        seq: i,
        epoch,
        sender: m.sender,
        content: m.content,
        clientTs: m.client_ts ? new Date(m.client_ts) : null,
        receivedAt: at,
        hasMedia: m.has_media ?? false,
      }),
    ),
    insertDecision({
      pk: newRowId(),
      threadPk: thread.pk,
      epoch,
      decision: decision.decision,
      score: decision.score,
      reasons: JSON.stringify(decision.reasons),
      tags: JSON.stringify(tags),
      billed,
      agentName,
      createdAt: at,
    }),
    ...(interrupting ? cancelPendingReply(thread.pk, at) : []),
  ];
  return {
    statements,
    uncertain: () => ctx.history.forget(thread.pk),
    committed(outcomes) {
      ctx.threads.remember({ ...current, turnEpoch: epoch });
      ctx.history.append(thread.pk, batch);
      const interrupted = interrupting ? interruptedFrom(outcomes.slice(-2).flatMap((o) => o.rows)) : [];
      if (interrupted.length > 0) {
        // Never delivered: the timers go, and the typing indicator the reply started stops.
        ctx.scheduler.cancel(interrupted.map((b) => b.id));
        ctx.hub.publish(
          thread.pk,
          envelope("turn_taking.typing", thread.id, { thread_id: thread.id, typing: false }),
        );
      }
      // recalled_context: always present on the hosted service; social memory is outside this product.
      const response: SubmitResult = {
        decision: decision.decision,
        turn_epoch: epoch,
        tags,
        recalled_context: "",
      };
      if (current.interruptible) response.interrupted = interrupted;
      if (input.include_reasons && billed) {
        response.score = decision.score;
        response.reasons = decision.reasons;
      }
      return response;
    },
  };
}

interface SubmitResult {
  decision: DecisionResult["decision"];
  turn_epoch: number;
  tags: string[];
  recalled_context: string;
  interrupted?: InterruptedBubble[];
  score?: number;
  reasons?: DecisionResult["reasons"];
}
