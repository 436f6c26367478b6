// What the newest message asks for and whether it concerns this agent:
// questions, requests, problems and plans invite a reply, good news and jokes
// invite a social one, acknowledgements close the loop, and relevance to the
// agent's role decides which agent of a room it should be.

import type { MessageKind } from "../message-kind";
import { MOOD_STEMS } from "../mood";
import type { Relevance } from "../relevance";
import type { FactorContext, Weights } from "./context";

export function needWeight(kind: MessageKind, w: Weights): number {
  if (kind.rollCall) return w.rollCall;
  if (kind.question) return w.openQuestion;
  if (kind.request) return w.request;
  if (kind.problem) return w.problemReport;
  if (kind.intent) return w.intent;
  return 0;
}

export function relevanceWeight(score: number, w: Weights): number {
  return Math.min(w.relevanceCap, w.relevancePerPoint * score);
}

function split(relevance: Relevance): {
  topic: number;
  mood: number;
  topicWords: string[];
  moodWords: string[];
} {
  let topic = relevance.score;
  let mood = 0;
  const topicWords: string[] = [];
  const moodWords: string[] = [];
  for (const s of relevance.matched) {
    if (MOOD_STEMS.has(s)) moodWords.push(s);
    else topicWords.push(s);
  }
  // Mood stems carry full weight; recompute the topical share from the words.
  if (moodWords.length > 0) {
    mood = Math.min(1, moodWords.length);
    topic = Math.max(0, relevance.score - mood);
  }
  return { topic, mood, topicWords, moodWords };
}

export function contentFactors(ctx: FactorContext): void {
  const { facts, weights: w, focus } = ctx;
  const kind = focus.kind;
  if (focus.ack) {
    // "yes please" answers the agent's own question: not a conversation closer.
    if (facts.followUp && focus.ack === "affirm") return;
    if (focus.ack === "greeting") ctx.add("greeting", w.greeting);
    else if (focus.ack === "resolved") ctx.add("resolved", w.resolved, "the problem sorted itself out");
    else ctx.add("acknowledgement", w.acknowledgement, `${focus.ack}: needs no answer`);
    return;
  }
  const elsewhere = !facts.addressed && facts.addressedTo.length > 0;
  if (!elsewhere) {
    const need = needWeight(kind, w);
    if (kind.rollCall) ctx.add("roll_call", need, "asks which of the people will do something");
    else if (kind.question)
      ctx.add("open_question", need, facts.addressed ? "a question to the agent" : "a question to the room");
    else if (kind.request) ctx.add("request", need);
    else if (kind.problem) ctx.add("problem_report", need);
    else if (kind.intent) ctx.add("plan_announced", need);
    else if (facts.social) ctx.add("social_bid", w.socialBid, kind.excited ? "good news" : "a joke");
  }

  const { topic, mood, topicWords, moodWords } = split(facts.relevance);
  const engaged = facts.engaging || facts.addressed;
  if (topic > 0) {
    const weight = relevanceWeight(topic, w) * (engaged ? 1 : w.statementRelevanceScale);
    ctx.add("relevance", weight, `shares ${topicWords.join(", ")} with the prompt`);
  }
  if (mood > 0) ctx.add("mood_fit", relevanceWeight(mood, w), `the prompt covers ${moodWords.join(", ")}`);

  // A question that leans on the lines before it ("how much is that each?") inherits their topic.
  if (facts.engaging && !elsewhere && facts.leansOnContext) {
    let extra = 0;
    const words: string[] = [];
    for (const s of facts.context.matched) {
      if (facts.relevance.matched.includes(s) || MOOD_STEMS.has(s)) continue;
      extra += ctx.profile.keywords.get(s) ?? 0;
      words.push(s);
    }
    if (extra > 0)
      ctx.add(
        "context_relevance",
        w.contextRelevanceScale * relevanceWeight(extra, w),
        `the thread is about ${words.join(", ")}`,
      );
  }

  const avoided = facts.relevance.avoided;
  // One stray word ("merged 🎉") does not make a celebration a technical thread.
  const strayWord = avoided.length === 1 && mood > 0 && facts.social;
  if (avoided.length > 0 && !strayWord)
    ctx.add(
      "avoided_topic",
      Math.max(w.avoidTopicCap, w.avoidTopic * avoided.length),
      `the prompt keeps out of ${avoided.join(", ")}`,
    );
  else if (avoided.length === 0 && !facts.engaging && !facts.addressed && facts.context.avoided.length > 0)
    ctx.add(
      "avoided_thread",
      w.avoidTopic * w.contextRelevanceScale,
      `the thread is about ${facts.context.avoided.join(", ")}, which the prompt keeps out of`,
    );
}
