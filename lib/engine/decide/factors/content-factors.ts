// What the newest message asks for and whether it concerns this agent:
// questions, requests, problems and plans invite a reply, good news and jokes
// invite a social one, acknowledgements close the loop, and relevance to the
// agent's role decides which agent of a room it should be.

import { MOOD_STEMS } from "../mood";
import type { Relevance } from "../relevance";
import type { FactorContext } from "./context";

/** Keyword score beyond this adds nothing: three shared words say as much as ten. */
const RELEVANCE_CAP = 2;

export function relevanceValue(score: number): number {
  return Math.min(RELEVANCE_CAP, score);
}

function split(relevance: Relevance): {
  topic: number;
  mood: number;
  topicStems: string[];
  moodStems: string[];
} {
  const topicStems: string[] = [];
  const moodStems: string[] = [];
  for (const s of relevance.matched) (MOOD_STEMS.has(s) ? moodStems : topicStems).push(s);
  // Mood stems carry full weight; the topical share is what the words add.
  const mood = Math.min(1, moodStems.length);
  return { topic: Math.max(0, relevance.score - mood), mood, topicStems, moodStems };
}

const ACK_DETAIL: Record<string, string> = {
  thanks: "thanks: needs no answer",
  affirm: "an acknowledgement: needs no answer",
  laugh: "laughter: needs no answer",
  cheer: "a cheer: needs no answer",
  reaction: "a reaction: needs no answer",
};

export function contentFactors(ctx: FactorContext): void {
  const { facts, focus } = ctx;
  const kind = focus.kind;
  if (focus.ack) {
    // "yes please" answers the agent's own question: not a conversation closer.
    if (facts.followUp && focus.ack === "affirm") return;
    if (focus.ack === "greeting") ctx.add("greeting", 1, "a greeting");
    else if (focus.ack === "resolved") ctx.add("resolved", 1, "the problem sorted itself out");
    else if (focus.ack === "away") ctx.add("stepping_away", 1, `${focus.line.sender} is stepping away`);
    else ctx.add("acknowledgement", 1, ACK_DETAIL[focus.ack]);
    return;
  }
  const elsewhere = !facts.addressed && facts.addressedTo.length > 0;
  if (!elsewhere) {
    const to = facts.addressed ? "to the agent" : "to the room";
    if (kind.rollCall) ctx.add("roll_call", 1, "asks which of the people will do something");
    else if (kind.question) ctx.add("open_question", 1, `a question ${to}`);
    else if (kind.request) ctx.add("request", 1, `a request ${to}`);
    else if (kind.problem) ctx.add("problem_report", 1, "reports a problem");
    else if (kind.intent) ctx.add("plan_announced", 1, "announces a plan");
    else if (facts.social) ctx.add("social_bid", 1, kind.excited ? "good news" : "a joke");
  }

  const { topic, mood, topicStems, moodStems } = split(facts.relevance);
  if (topic > 0) {
    const words = facts.words(topicStems);
    // Relevance of a question asks for an answer; relevance of a statement only invites comment.
    if (facts.engaging && !elsewhere)
      ctx.add("relevant_question", relevanceValue(topic), `asks about ${words}, which the prompt covers`);
    else ctx.add("relevance", relevanceValue(topic), `mentions ${words}, which the prompt covers`);
  }
  if (mood > 0) ctx.add("mood_fit", mood, `the prompt welcomes ${moodStems.map(moodName).join(", ")}`);

  // A question that leans on the lines before it ("how much is that each?") inherits their topic.
  if (facts.engaging && !elsewhere && facts.leansOnContext) {
    let extra = 0;
    const stems: string[] = [];
    for (const s of facts.context.matched) {
      if (facts.relevance.matched.includes(s) || MOOD_STEMS.has(s)) continue;
      extra += ctx.profile.keywords.get(s) ?? 0;
      stems.push(s);
    }
    if (extra > 0)
      ctx.add("context_relevance", relevanceValue(extra), `the thread is about ${facts.words(stems)}`);
  }

  const avoided = facts.relevance.avoided;
  // One stray word ("merged 🎉") does not make a celebration a technical thread.
  const strayWord = avoided.length === 1 && mood > 0 && facts.social;
  if (avoided.length > 0 && !strayWord)
    ctx.add("avoided_topic", Math.min(2, avoided.length), `the prompt keeps out of ${facts.words(avoided)}`);
  else if (avoided.length === 0 && !facts.engaging && !facts.addressed && facts.context.avoided.length > 0)
    ctx.add(
      "avoided_thread",
      1,
      `the thread is about ${facts.words(facts.context.avoided)}, which the prompt keeps out of`,
    );
}

function moodName(stem: string): string {
  return stem.startsWith("celebr") ? "celebrations" : stem.startsWith("jok") ? "jokes" : "serious talk";
}
