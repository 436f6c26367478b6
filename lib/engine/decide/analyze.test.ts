// Pins every named feature of the decision model: for each one, a moment of
// chat that must produce it (and its value where the value is a measure). The
// last test checks that every weight in the shipped model has a case here,
// so a feature cannot be added without one.

import { describe, expect, it } from "vitest";
import { type Analysis, analyzeDecision, FIELD_PREFIX } from "./analyze";
import { type ChatSpec, chat } from "./test-chat";
import { MODEL } from "./weights";

const SAM =
  "You are Sam, a support engineer. You help customers with billing and login issues: invoices, charges, refunds, plan changes, password resets and two-factor codes.";
const MAYA =
  "You are Maya, the product designer. You care about the interface: layouts, navigation, onboarding, colors, typography and accessibility.";
const PIP =
  "You're Pip, a playful teammate who keeps the mood light. Join in on jokes, celebrations and casual banter, and cheer people on. Stay out of serious technical or billing threads.";
/** A prompt as the real-chat data set writes it: no job, a role hint. */
const IRC = (role: string) =>
  `You are kim. kim, a participant in #ubuntu on Freenode: the main Ubuntu Linux technical-support IRC channel. Role: ${role}.`;

const analyze = (spec: Partial<ChatSpec> & { lines: string[] }): Analysis =>
  analyzeDecision(chat({ agent: "Sam", prompt: SAM, ...spec }));
const value = (a: Analysis, factor: string) => a.features.find((f) => f.factor === factor)?.value;

/** feature -> a chat that produces it */
const CASES: Record<string, Partial<ChatSpec> & { lines: string[] }> = {
  addressed_by_mention: { lines: ["Lena: quick one @sam, is the office open"] },
  addressed_by_reply_convention: { lines: ["Lena: sam: you around?"] },
  addressed_by_name: {
    lines: ["Lena: actually never mind that — Sam, invoice #443 charged me twice, can you check?"],
  },
  addressed_by_nickname: { agent: "Samantha", lines: ["Lena: sam you there? my card was declined"] },
  name_mentioned: { lines: ["Dev: ok I'll pair with Sam on it tomorrow"] },
  addressed_to_other: { lines: ["Bob: morning", "Lena: bob: my refund never arrived, can you check?"] },
  reply_in_exchange: {
    lines: ["Marco: Kofi, did you look at my ticket?", "Kofi: looking now, the logs are weird"],
  },
  side_conversation: {
    lines: ["Ana: the venue is booked", "Bo: nice, which one", "Ana: the one by the river"],
  },
  already_answered: {
    lines: ["Lena: how do I reset my password?", "Bob: you can do it under Settings → Security"],
  },
  pending_question: {
    lines: ["Greg: why was I charged twice for my invoice?", "Mo: heading to lunch, back at 2"],
  },
  pending_relevance: {
    lines: ["Greg: why was I charged twice for my invoice?", "Mo: heading to lunch, back at 2"],
  },
  greeting: { lines: ["Lena: good morning!"] },
  resolved: { lines: ["Lena: my login fails", "Lena: nvm, found it"] },
  stepping_away: { lines: ["Ana: lol ok brb, grabbing coffee"] },
  acknowledgement: { lines: ["Lena: my invoice is wrong", "Sam: fixed it", "Lena: thanks!"] },
  roll_call: { lines: ["Nadia: who's up for pizza on friday?"] },
  open_question: { lines: ["Lena: what time is the team lunch?"] },
  request: { lines: ["Lena: please send me the notes"] },
  problem_report: { lines: ["Lena: the printer is broken again"] },
  plan_announced: { lines: ["Lena: we're thinking of moving the offsite to june"] },
  social_bid: { lines: ["Lena: we shipped the release!!"] },
  relevant_question: { lines: ["Lena: does anyone know how to change the card on my plan?"] },
  relevance: { lines: ["Lena: fyi the invoice emails go out tonight"] },
  mood_fit: { agent: "Pip", prompt: PIP, lines: ["Lena: we shipped the release!! 🎉"] },
  context_relevance: {
    agent: "Maya",
    prompt: MAYA,
    lines: ["Ken: the new onboarding layout has a lot of colors", "Ana: can we tone that down?"],
  },
  avoided_topic: { agent: "Pip", prompt: PIP, lines: ["Lena: why was my invoice charged twice?"] },
  avoided_thread: {
    agent: "Pip",
    prompt: PIP,
    lines: ["Lena: the billing refund failed", "Bob: the invoice too", "Lena: hmm ok"],
  },
  agent_talked_to_sender: {
    lines: ["Lena: my plan is wrong", "Sam: Lena, which plan?", "Lena: the pro one"],
  },
  sender_talked_to_agent: { lines: ["Lena: Sam, my plan is wrong", "Bob: lunch?", "Lena: it renewed twice"] },
  in_exchange_with_sender: {
    lines: ["Lena: my plan is wrong", "Sam: Lena, which plan?", "Lena: the pro one"],
  },
  sender_partner_is_agent: {
    lines: ["Lena: my plan is wrong", "Sam: Lena, which plan?", "Lena: the pro one"],
  },
  sender_partner_is_other: { lines: ["Lena: Bob, is the deploy done?", "Bob: almost", "Lena: cool"] },
  newcomer_line: { lines: ["Bob: lunch?", "Lena: my card was declined"] },
  after_agent_question: {
    lines: ["Lena: my plan is wrong", "Sam: which plan are you on?", "Lena: the pro one"],
  },
  shares_agent_topic: {
    lines: ["Lena: hi", "Sam: the invoice export is slow today", "Lena: my invoice export is empty"],
  },
  agent_activity: { lines: ["Sam: morning all", "Lena: hi"] },
  agent_helping: { lines: ["Bob: it fails", "Sam: Bob, try again now", "Lena: hi"] },
  agent_answering_room: {
    lines: ["Bob: how do I get a refund?", "Sam: Bob, from the billing page", "Lena: hi"],
  },
  sender_talking_to_other: { lines: ["Lena: Bob, is the deploy done?", "Bob: almost", "Lena: ok"] },
  agent_spoke_just_before: { lines: ["Sam: morning all", "Lena: hi"] },
  agent_spoke_lately: { lines: ["Sam: morning all", "Bob: hi", "Ana: hey", "Lena: hello there"] },
  agent_quiet: { lines: ["Lena: hello there"] },
  active_people: { lines: ["Bob: hi", "Ana: hey", "Lena: hello there"] },
  pause_before: { lines: ["Bob: hi", "+600s Lena: anyone around?"] },
  role_helper: { agent: "kim", prompt: IRC("helper (mostly answers other people)"), lines: ["Lena: hi"] },
  role_asker: { agent: "kim", prompt: IRC("asker (mostly asks questions)"), lines: ["Lena: hi"] },
  role_newcomer: { agent: "kim", prompt: IRC("newcomer (no earlier messages)"), lines: ["Lena: hi"] },
  helper_open_question: { lines: ["Lena: how do I change my plan?"] },
  recently_spoke: { lines: ["Sam: one", "Sam: two", "Sam: three", "Lena: hmm"] },
  follow_up: { lines: ["Lena: my invoice is wrong", "Sam: which month?", "Lena: march"] },
  follow_up_question: {
    lines: ["Lena: my invoice is wrong", "Sam: I refunded the second charge", "Lena: when will it arrive?"],
  },
  reply_to_agent: {
    lines: [
      "Lena: my invoice is wrong",
      "Sam: I refunded the second charge",
      "Lena: it is in my account now",
    ],
  },
  typing_now: { lines: ["Lena: so about my invoice"], signals: { typingNow: ["Lena"] } },
  others_typing: { lines: ["Lena: hi"], signals: { typingNow: ["Bob"] } },
  burst_in_progress: { lines: ["Lena: so", "+2s Lena: about the invoice and"] },
  incomplete_message: { lines: ["Lena: quick question:"] },
  own_message: { lines: ["Lena: hi", "Sam: hello!"] },
};

describe("analyzeDecision", () => {
  it.each(Object.entries(CASES))("produces %s", (feature, spec) => {
    const a = analyze(spec);
    expect(
      a.features.map((f) => f.factor),
      JSON.stringify(a.features),
    ).toContain(feature);
  });

  it("measures what a feature measures", () => {
    // log2 of the people active in the last five minutes (the sender included).
    expect(value(analyze(CASES.active_people as ChatSpec), "active_people")).toBeCloseTo(Math.log2(3));
    // log(1 + minutes of silence before the line).
    expect(value(analyze(CASES.pause_before as ChatSpec), "pause_before")).toBeCloseTo(Math.log1p(10));
    // share of the last ten lines that are the agent's, above 30%.
    expect(value(analyze(CASES.recently_spoke as ChatSpec), "recently_spoke")).toBeCloseTo(0.75 - 0.3);
    // relevance counts shared keywords (direct ones at 1, cluster words at 0.5), capped at 2.
    expect(
      value(analyze({ lines: ["Lena: invoice refund password charges plan?"] }), "relevant_question"),
    ).toBe(2);
  });

  it("counts the agent's answers to questions asked to the room, not to people who asked someone else", () => {
    // Bob asked the room and Ana asked the room; the agent answered both: log(1 + 2).
    const both = analyze({
      lines: [
        "Bob: how do I get a refund?",
        "Ana: where is my invoice?",
        "Sam: Bob, from the billing page",
        "Sam: Ana, under Account",
        "Lena: hi",
      ],
    });
    expect(value(both, "agent_answering_room")).toBeCloseTo(Math.log1p(2));
    expect(both.features.find((f) => f.factor === "agent_answering_room")?.detail).toBe(
      "the agent answered 2 questions asked to the room lately",
    );
    // Bob's latest line was to Ana, so the agent's line to Bob joins their exchange.
    const joined = analyze({
      lines: ["Bob: Ana, is the deploy done?", "Sam: Bob, it finished at noon", "Lena: hi"],
    });
    expect(value(joined, "agent_answering_room")).toBeUndefined();
  });

  it("does not see an exchange that is over: an old line of the agent's is out of reach", () => {
    const a = analyze({ lines: ["Sam: Lena, which plan?", "+900s Lena: the pro one"] });
    expect(a.features.map((f) => f.factor)).not.toContain("agent_talked_to_sender");
    expect(a.features.map((f) => f.factor)).toContain("agent_quiet");
  });

  it("reads a line addressed mid-sentence to another agent as addressed to someone else", () => {
    const a = analyzeDecision(
      chat({
        agent: "Maya",
        prompt: MAYA,
        lines: ["Ana: actually never mind that — Sam, invoice #443 charged me twice, can you check billing?"],
      }),
    );
    expect(a.features.find((f) => f.factor === "addressed_to_other")?.detail).toBe("addressed to Sam");
  });

  it("tells agents with a job from one more person in a channel", () => {
    expect(analyze({ lines: ["Lena: hi"] }).field).toBe(true);
    expect(analyze(CASES.role_helper as ChatSpec).field).toBe(false);
  });

  it("has a case for every weight of the shipped model", () => {
    const names = Object.keys(MODEL.weights).map((n) => n.replace(FIELD_PREFIX, ""));
    for (const name of names) if (name !== "base") expect(Object.keys(CASES), name).toContain(name);
  });
});
