import { describe, expect, it } from "vitest";
import { createRuleDecider } from "./rule-decider";
import { chat } from "./test-chat";
import type { DecisionResult } from "./types";
import { MODEL } from "./weights";

const SAM =
  "You are Sam, a support engineer. You help customers with billing and login issues: invoices, charges, refunds, plan changes, password resets and two-factor codes.";
const MAYA =
  "You are Maya, the product designer. You care about the interface: layouts, navigation, onboarding, colors, typography and accessibility.";
const PIP =
  "You're Pip, a playful teammate who keeps the mood light. Join in on jokes, celebrations and casual banter, and cheer people on. Stay out of serious technical or billing threads.";

const decider = createRuleDecider();
const decide = (
  agent: string,
  prompt: string,
  lines: string[],
  extra: Partial<Parameters<typeof chat>[0]> = {},
) => decider.decide(chat({ agent, prompt, lines, ...extra }));
const factors = (r: DecisionResult) => r.reasons.map((x) => x.factor);

describe("addressing", () => {
  it("speaks when addressed with the reply convention `name,` / `name:`", () => {
    for (const msg of ["Lena: Sam, can you look at my account?", "Lena: sam: you around?"]) {
      const r = decide("Sam", SAM, [msg]);
      expect(r.decision).toBe("speak");
      expect(factors(r)).toContain("addressed_by_reply_convention");
    }
  });

  it("speaks when @-mentioned, case-insensitively", () => {
    const r = decide("Sam", SAM, ["Lena: quick one @SAM, is the office open tomorrow"]);
    expect(r.decision).toBe("speak");
    expect(factors(r)).toContain("addressed_by_mention");
  });

  it("speaks when named as a whole word closing a question or opening a sentence", () => {
    expect(factors(decide("Sam", SAM, ["Lena: any news on that ticket Sam?"]))).toContain(
      "addressed_by_name",
    );
    expect(decide("Sam", SAM, ["Olu: ok. Sam that one's for you"]).decision).toBe("speak");
    // "Samuel" is not "Sam": whole words only.
    expect(factors(decide("Sam", SAM, ["Lena: Samuel is out today"]))).not.toContain("addressed_by_name");
  });

  it("speaks when addressed by a nickname: first name of a multi-word name, or a prefix", () => {
    const chen = decide("Maya Chen", MAYA, ["Hugo: maya what font is the header using?"]);
    expect(chen.decision).toBe("speak");
    expect(factors(chen)).toContain("addressed_by_nickname");
    const samantha = decide("Samantha", SAM, ["Lena: Sam, you there? my card was declined"]);
    expect(samantha.decision).toBe("speak");
    expect(factors(samantha)).toContain("addressed_by_nickname");
  });

  it("treats a name used in passing as a weak signal, not an address", () => {
    const r = decide("Maya", MAYA, [
      "Priya: next sprint: onboarding",
      "Dev: ok I'll pair with Maya on it tomorrow",
    ]);
    expect(r.decision).toBe("stay_silent");
    expect(factors(r)).toContain("name_mentioned");
  });

  it("keeps out of a message addressed to someone else (@, `other:`, `Bob, can you…`)", () => {
    const history = ["Bob: morning", "Lena: hi all"];
    for (const msg of [
      "Lena: @bob can you check my invoice?",
      "Lena: bob: my refund never arrived, can you check?",
      "Lena: Bob, can you reset my password?",
      "Lena: Bob did you see my invoice email?",
    ]) {
      const r = decide("Sam", SAM, [...history, msg]);
      expect(r.decision, msg).toBe("stay_silent");
      expect(factors(r), msg).toContain("addressed_to_other");
    }
  });

  it("stays out of the reply to a question asked of someone else", () => {
    const r = decide("Sam", SAM, [
      "Marco: Kofi, did you look at my SSO ticket?",
      "Kofi: looking now, the login logs are weird",
    ]);
    expect(r.decision).toBe("stay_silent");
    expect(factors(r)).toContain("reply_in_exchange");
  });
});

describe("questions", () => {
  it("answers an open question to the room in its field", () => {
    const r = decide("Sam", SAM, ["Lena: does anyone know how to change the card on my plan?"]);
    expect(r.decision).toBe("speak");
    expect(factors(r)).toEqual(expect.arrayContaining(["open_question", "relevant_question"]));
  });

  it("recognises questions without a question mark", () => {
    const r = decide("Sam", SAM, ["Greg: how do I reset my password"]);
    expect(factors(r)).toContain("open_question");
    expect(r.decision).toBe("speak");
  });

  it("stays silent on a room question outside its field", () => {
    expect(decide("Sam", SAM, ["Lena: what time is the team lunch?"]).decision).toBe("stay_silent");
  });

  it("stays silent when someone else already answered the question", () => {
    const r = decide("Sam", SAM, [
      "Lena: how do I reset my password?",
      "Bob: you can do it under Settings → Security → Reset password",
    ]);
    expect(r.decision).toBe("stay_silent");
    expect(factors(r)).toContain("already_answered");
  });

  it("keeps an unanswered question in its field in view under an unrelated line", () => {
    const open = decide("Sam", SAM, [
      "Greg: why was I charged twice for my invoice?",
      "Mo: heading to lunch, back at 2",
    ]);
    const none = decide("Sam", SAM, ["Greg: the weather is nice today", "Mo: heading to lunch, back at 2"]);
    expect(factors(open)).toEqual(expect.arrayContaining(["pending_question", "pending_relevance"]));
    expect(open.score).toBeGreaterThan(none.score);
    // A prompt that says to speak up when it can help answers it.
    const eager = `${SAM} Speak up when you can help.`;
    expect(decide("Sam", eager, ["Greg: why was I charged twice for my invoice?"]).decision).toBe("speak");
  });

  it("does not answer a roll call meant for the people", () => {
    const r = decide("Pip", PIP, ["Nadia: who's up for pizza on friday?"]);
    expect(factors(r)).toContain("roll_call");
    expect(r.decision).toBe("stay_silent");
  });
});

describe("relevance to the prompt", () => {
  it("scores a billing/login support engineer above the others on login and invoice problems", () => {
    for (const msg of ["Bea: I can't log in", "Dina: my invoice is wrong"]) {
      const sam = decide("Sam", SAM, [msg]);
      expect(factors(sam), msg).toContain("relevant_question");
      expect(sam.score, msg).toBeGreaterThan(decide("Maya", MAYA, [msg]).score);
      expect(sam.score, msg).toBeGreaterThan(decide("Pip", PIP, [msg]).score);
      // With "speak up when you can help", a problem in its field is answered.
      expect(decide("Sam", `${SAM} Speak up when you can help.`, [msg]).decision, msg).toBe("speak");
    }
  });

  it("lets the right agent of a room answer, and the others stay silent", () => {
    const room = { Sam: SAM, Maya: MAYA, Pip: PIP };
    const expectOnly = (msg: string, speaker: string) => {
      const scores = new Map<string, number>();
      for (const [name, prompt] of Object.entries(room)) {
        const r = decide(name, prompt, ["Olu: morning all", msg]);
        scores.set(name, r.score);
        if (name !== speaker) expect(r.decision, `${name} on "${msg}"`).toBe("stay_silent");
      }
      const best = [...scores].sort((a, b) => b[1] - a[1])[0]?.[0];
      expect(best, msg).toBe(speaker);
    };
    expectOnly("Lena: I got charged twice this month, can someone take a look?", "Sam");
    expectOnly("Raj: is it just me or is the sidebar font really hard to read now?", "Maya");
    expectOnly("Hana: WE JUST HIT 1000 USERS!!! 🎉", "Pip");
  });

  it("keeps out of topics the prompt says to stay out of", () => {
    const r = decide("Pip", PIP, ["Lena: can anyone explain the refund on my invoice?"]);
    expect(r.decision).toBe("stay_silent");
    expect(factors(r)).toContain("avoided_topic");
  });
});

describe("prompt rules", () => {
  const REX =
    "You are Rex, the on-call SRE assistant. You know deploys, alerts and dashboards. Only speak when someone addresses you directly.";

  it("'only speak when addressed' silences it even on a question in its field", () => {
    const silent = decide("Rex", REX, ["Yusuf: anyone know what deployed in the last hour?"]);
    expect(silent.decision).toBe("stay_silent");
    expect(factors(silent)).toContain("prompt_only_when_addressed");
    expect(decide("Rex", REX, ["Yusuf: @rex what deployed in the last hour?"]).decision).toBe("speak");
  });

  it("'only when mentioned' and 'only when asked' are read too", () => {
    const mentioned = "You are Dot. Only reply when you're mentioned. You know the rules of chess.";
    expect(factors(decide("Dot", mentioned, ["Ann: how does castling work?"]))).toContain(
      "prompt_only_when_addressed",
    );
    const asked =
      "You are Quill, the meeting scribe. Only when asked: post notes, summaries or action items.";
    expect(decide("Quill", asked, ["Ann: what do you all think of the new logo?"]).decision).toBe(
      "stay_silent",
    );
    // "when asked" also counts a request for exactly its job.
    expect(decide("Quill", asked, ["Ann: can someone post a summary of the action items?"]).decision).toBe(
      "speak",
    );
  });

  it("'speak up when you can help' lowers the bar", () => {
    const plain = "You are Nova, an assistant in the family chat: gifts, plans and recipes.";
    const eager = `${plain} Speak up when you can help.`;
    const lines = ["Lily: what's a good gift for someone turning 80?"];
    const calm = decide("Nova", plain, lines);
    expect(factors(calm)).not.toContain("prompt_proactive");
    const r = decide("Nova", eager, lines);
    expect(r.decision).toBe("speak");
    expect(factors(r)).toContain("prompt_proactive");
    expect(r.score).toBeGreaterThanOrEqual(calm.score);
  });

  it("'stay quiet during chatter' keeps it out of chatter, and says so", () => {
    const base = "You are Ava, a travel planner for this group: flights, trains, hotels and itineraries.";
    const quiet = `${base} Stay out of personal chit-chat.`;
    const lines = ["Carlos: booked my flight!! first time flying alone"];
    const b = decide("Ava", quiet, lines);
    expect(factors(b)).toContain("prompt_quiet_on_chatter");
    expect(b.decision).toBe("stay_silent");
    expect(factors(decide("Ava", base, lines))).not.toContain("prompt_quiet_on_chatter");
  });

  it("lets a stated rule win over the learned weights, and the reasons say so", () => {
    const REX = "You are Rex, the on-call SRE assistant. You know deploys, alerts and dashboards.";
    const lines = ["Lena: did the deploy finish? the alerts and dashboards look odd"];
    const learned = decide("Rex", REX, lines);
    expect(learned.decision).toBe("speak");
    const ruled = decide("Rex", `${REX} Only speak when someone @-mentions you.`, lines);
    expect(ruled.decision).toBe("stay_silent");
    const rule = ruled.reasons.find((r) => r.factor === "prompt_only_when_addressed");
    expect(rule?.weight).toBeLessThan(0);
    expect(rule?.detail).toMatch(/the rule overrides the learned weights \(speak, /);
  });

  it("'stay quiet during side chatter' penalises exchanges between two people", () => {
    const prompt =
      "You're Pip, the group's playful friend. Stay quiet during side chatter between two people.";
    const r = decide("Pip", prompt, [
      "Elliot: Kat did you talk to your landlord?",
      "Kat: yeah, he says next week",
      "Elliot: ugh, next week again",
    ]);
    expect(factors(r)).toEqual(expect.arrayContaining(["side_conversation", "prompt_quiet_on_side_chatter"]));
    expect(r.decision).toBe("stay_silent");
  });
});

describe("the agent's own turns", () => {
  it("reports its share of the recent lines when it has been talking a lot", () => {
    const busy = decide("Sam", SAM, [
      "Lena: my card got declined",
      "Sam: Which card brand is it?",
      "Lena: visa",
      "Sam: Thanks, try again now, I cleared the block.",
      "Lena: worked",
      "Sam: Great! Anything else on billing?",
      "Raj: does the team plan include 2fa?",
    ]);
    expect(factors(busy)).toContain("recently_spoke");
    const quiet = decide("Sam", SAM, ["Lena: my card got declined", "Raj: does the team plan include 2fa?"]);
    expect(factors(quiet)).not.toContain("recently_spoke");
    expect(busy.reasons.find((r) => r.factor === "recently_spoke")?.detail).toBe(
      "43% of the last 10 lines are the agent's",
    );
  });

  it("follows up when the person answers the agent's own question", () => {
    const r = decide("Maya", MAYA, [
      "Raj: the sidebar text is too faint",
      "Maya: Are you on desktop or mobile?",
      "Raj: desktop, chrome on windows",
    ]);
    expect(r.decision).toBe("speak");
    expect(factors(r)).toContain("follow_up");
  });

  it("does not follow up when the agent's request was simply accepted", () => {
    const r = decide("Rio", "You are Rio, the standup assistant. You track blockers and tickets.", [
      "Sanjay: blocked on staging access",
      "Rio: Jo, could you pair with Sanjay on the csv bug?",
      "Jo: sure",
    ]);
    expect(r.decision).toBe("stay_silent");
  });

  it("never answers a batch of its own lines", () => {
    const r = decide("Sam", SAM, ["Lena: my invoice is wrong", "Sam: Looking into it now."]);
    expect(r.decision).toBe("stay_silent");
    expect(factors(r)).toContain("own_message");
  });
});

describe("timing", () => {
  it("waits while the sender is typing", () => {
    const r = decide("Sam", SAM, ["Bea: I can't log in since this morning"], {
      signals: { typingNow: ["Bea"] },
    });
    expect(r.decision).toBe("stay_silent");
    expect(factors(r)).toContain("typing_now");
  });

  it("waits for the end of a burst (signalled, or from timestamps and a trailing message)", () => {
    const lines = ["Bea: hey", "+3s Bea: quick question about my invoice", "+2s Bea: so the amount is"];
    const computed = decide("Sam", SAM, lines, { batchSize: 3 });
    expect(computed.decision).toBe("stay_silent");
    expect(factors(computed)).toContain("burst_in_progress");
    const signalled = decide("Sam", SAM, ["Bea: my invoice shows the wrong amount"], {
      signals: { typingNow: [], burstSender: "Bea" },
    });
    expect(factors(signalled)).toContain("burst_in_progress");
  });

  it("answers a finished burst", () => {
    const r = decide(
      "Sam",
      SAM,
      [
        "Bea: hey",
        "+3s Bea: quick question about my invoice",
        "+2s Bea: why was I charged twice this month?",
      ],
      { batchSize: 3 },
    );
    expect(r.decision).toBe("speak");
  });
});

describe("other agents", () => {
  it("stays silent when another agent already answered", () => {
    const r = decide("Sam", SAM, [
      "Raj: is it just me or did the sidebar colors change?",
      "Maya: Not just you: we lowered the contrast. It's fixed next week.",
    ]);
    expect(r.decision).toBe("stay_silent");
    expect(factors(r)).toContain("already_answered");
  });
});

describe("acknowledgements", () => {
  it("stays silent on thanks, ok, lol, 👍 and 'sounds good' said to the room", () => {
    for (const msg of ["Lena: thanks!", "Lena: ok", "Lena: lol", "Lena: 👍", "Lena: sounds good"]) {
      const r = decide("Sam", SAM, ["Lena: my invoice is wrong", "Sam: Fixed, you'll see it tomorrow.", msg]);
      expect(r.decision, msg).toBe("stay_silent");
      expect(
        r.reasons.map((x) => x.factor),
        msg,
      ).toContain("closes_the_loop");
    }
  });

  it("leaves a thanks said to the agent by name to the learned weights, but never answers a goodbye", () => {
    const before = ["Lena: my invoice is wrong", "Sam: Fixed, you'll see it tomorrow."];
    const thanked = decide("Sam", SAM, [...before, "Lena: thank you Sam!!"]);
    // People often answer a thanks addressed to them ("np!"): no rule forces silence here.
    expect(thanked.reasons.map((x) => x.factor)).not.toContain("closes_the_loop");
    expect(thanked.reasons.map((x) => x.factor)).toContain("acknowledgement");
    const away = decide("Sam", SAM, [...before, "Lena: brb Sam, grabbing lunch"]);
    expect(away.decision).toBe("stay_silent");
    expect(away.reasons.map((x) => x.factor)).toContain("closes_the_loop");
  });

  it("still speaks when the thanks carries a question for it", () => {
    const r = decide("Sam", SAM, [
      "Lena: my invoice is wrong",
      "Sam: Fixed, you'll see it tomorrow.",
      "Lena: thanks Sam! one more thing, can you also check my refund?",
    ]);
    expect(r.decision).toBe("speak");
  });

  it("stays silent on a greeting and on 'nvm, found it'", () => {
    expect(decide("Sam", SAM, ["Lena: morning all!"]).decision).toBe("stay_silent");
    expect(decide("Sam", SAM, ["Lena: my invite link expired", "+30s Lena: nvm, found it"]).decision).toBe(
      "stay_silent",
    );
  });
});

describe("the result", () => {
  it("is deterministic and leaves its input untouched", () => {
    const input = chat({
      agent: "Sam",
      prompt: SAM,
      lines: ["Lena: I was charged twice, can someone help?"],
    });
    const copy = structuredClone(input);
    expect(decider.decide(input)).toEqual(decider.decide(input));
    expect(input).toEqual(copy);
  });

  it("reports a score that is the logistic of its weights, with the base first", () => {
    const r = decide("Sam", SAM, ["Lena: I was charged twice, can someone help?"]);
    const sum = r.reasons.reduce((s, x) => s + x.weight, 0);
    expect(r.reasons[0]?.factor).toBe("base");
    expect(r.score).toBeCloseTo(1 / (1 + Math.exp(-sum)), 2);
    expect(r.decision).toBe(r.score >= 0.5 ? "speak" : "stay_silent");
  });

  it("learns the agent's name from the prompt when none is given", () => {
    const r = decider.decide(chat({ agent: null, prompt: SAM, lines: ["Lena: Sam, are you there?"] }));
    expect(factors(r)).toContain("addressed_by_reply_convention");
  });

  it("accepts another set of learned weights", () => {
    const strict = createRuleDecider({ model: { ...MODEL, bias: -30 } });
    expect(
      strict.decide(chat({ agent: "Sam", prompt: SAM, lines: ["Lena: my invoice is wrong"] })).decision,
    ).toBe("stay_silent");
  });
});
