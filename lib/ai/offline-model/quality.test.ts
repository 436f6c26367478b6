import type { LanguageModelV3Prompt } from "@ai-sdk/provider";
import { describe, expect, it } from "vitest";
import { STARTER_AGENTS } from "../../chat/starter-agents";
import { draftReply } from "../draft";
import { agentSystemPrompt, TRANSCRIPT_LIMIT, type TranscriptLine, transcriptMessages } from "../prompts";
import { composeDetails, type ReplyDetails } from "./compose";
import { readConversation } from "./conversation";
import { QUALITY_PROMPTS, type QualityPrompt } from "./quality-prompts";

const PEOPLE = ["Guest 2659", "Priya"];

const sentencesOf = (reply: string) =>
  reply
    .replace(/\p{Extended_Pictographic}/gu, "")
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 5);

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'_]*/gu) ?? [];

/**
 * Why a topic phrase is not the message's own words, or null when it is: after the article the
 * reply adds ("the", "your"…), its words must appear in the message, in order and side by side.
 * A phrasal gerund ("logging in" for "log in", "getting logged out") may change the verb's ending.
 */
function garbled(phrase: string, message: string): string | null {
  const said = words(message.replace(/'s\b/g, ""));
  const own = words(phrase).filter((w, i) => !(i === 0 && /^(the|your|my|our|their)$/.test(w)));
  if (own.length === 0) return "empty phrase";
  const sameWord = (a: string, b: string) =>
    a === b || (a.endsWith("ing") && a.length > 5 && b.startsWith(a.slice(0, -3).replace(/(.)\1$/, "$1")));
  const gerundLead = own[0] === "getting" ? 1 : 0;
  const rest = own.slice(gerundLead);
  for (let start = 0; start + rest.length <= said.length; start++) {
    if (rest.every((w, i) => sameWord(w, said[start + i]!))) {
      const last = rest.at(-1)!;
      if (/^(the|a|an|of|to|and|or|worth|is|are|be)$/.test(last)) return `ends on "${last}"`;
      return null;
    }
  }
  return `"${own.join(" ")}" is not a run of the message's words`;
}

function systemFor(agent: QualityPrompt["agent"]): string {
  const profile = STARTER_AGENTS.find((a) => a.name === agent)!;
  return agentSystemPrompt({
    name: profile.name,
    persona: profile.persona,
    systemPrompt: profile.systemPrompt,
    roomName: "Demo room",
    otherParticipants: [...PEOPLE, ...STARTER_AGENTS.map((a) => a.name)],
  });
}

/** The same prompt the AI SDK hands the model, so the details describe the reply draftReply produced. */
function toPrompt(system: string, transcript: TranscriptLine[]): LanguageModelV3Prompt {
  return [
    { role: "system", content: system },
    ...transcriptMessages(transcript).map((m) => ({
      role: m.role as "user" | "assistant",
      content: [{ type: "text" as const, text: String(m.content) }],
    })),
  ];
}

interface Turn {
  prompt: QualityPrompt;
  sender: string;
  reply: string;
  details: ReplyDetails;
}

/** One conversation per persona: each line in turn, the agent's replies kept in the transcript. */
async function converse(agent: QualityPrompt["agent"]): Promise<Turn[]> {
  const system = systemFor(agent);
  const transcript: TranscriptLine[] = [];
  const turns: Turn[] = [];
  for (const [index, prompt] of QUALITY_PROMPTS.filter((p) => p.agent === agent).entries()) {
    const sender = PEOPLE[index % 3 === 2 ? 1 : 0]!;
    transcript.push({ sender, content: prompt.text, self: false });
    const { text } = await draftReply({
      modelId: null,
      name: agent,
      persona: STARTER_AGENTS.find((a) => a.name === agent)!.persona,
      systemPrompt: STARTER_AGENTS.find((a) => a.name === agent)!.systemPrompt,
      roomName: "Demo room",
      otherParticipants: [...PEOPLE, ...STARTER_AGENTS.map((a) => a.name)],
      transcript,
      env: {},
    });
    const details = composeDetails(readConversation(toPrompt(system, transcript)));
    turns.push({ prompt, sender, reply: text, details });
    transcript.push({ sender: agent, content: text, self: true });
  }
  return turns;
}

describe("offline model quality over 100 prompts and the three starter personas", () => {
  it("has 100 prompts spread over Sam, Maya and Pip", () => {
    expect(QUALITY_PROMPTS).toHaveLength(100);
    for (const agent of ["Sam", "Maya", "Pip"] as const)
      expect(QUALITY_PROMPTS.filter((p) => p.agent === agent).length).toBeGreaterThanOrEqual(30);
  });

  describe.each(["Sam", "Maya", "Pip"] as const)("%s", (agent) => {
    let turns: Turn[] = [];
    it("drafts every reply through the app's drafting path", async () => {
      turns = await converse(agent);
      for (const turn of turns) expect(turn.reply).toBe(turn.details.text);
    });

    it("reads the labelled intent", () => {
      const wrong = turns
        .filter(
          (t) => t.details.intent !== t.prompt.intent || (t.prompt.factual ?? false) !== t.details.factual,
        )
        .map((t) => `${t.prompt.text} → ${t.details.intent}${t.details.factual ? " (factual)" : ""}`);
      expect(wrong).toEqual([]);
    });

    it("takes topic phrases from the people's own words, and the labelled ones exactly", () => {
      const problems: string[] = [];
      turns.forEach(({ prompt, details }, index) => {
        const phrase = details.topic?.phrase ?? null;
        if (prompt.topic !== undefined && phrase !== prompt.topic)
          problems.push(
            `${prompt.text}: topic ${JSON.stringify(phrase)}, expected ${JSON.stringify(prompt.topic)}`,
          );
        // "What do you think?" may borrow an earlier line's topic: it must be one of those lines' own words.
        const lines = turns.slice(0, index + 1).map((t) => t.prompt.text);
        if (phrase && lines.every((line) => garbled(phrase, line)))
          problems.push(`${prompt.text}: ${garbled(phrase, prompt.text)}`);
      });
      expect(problems).toEqual([]);
    });

    it("never shows a garbled phrase in a reply", () => {
      for (const { prompt, reply } of turns) {
        expect(reply, prompt.text).not.toMatch(
          /\b(the|your|my) (the|a|an|this|mind|logged|worth)\b|\bon the (mind|logged)\b/i,
        );
        expect(reply, prompt.text).not.toMatch(/\bundefined\b|\bnull\b|\$\{/);
      }
    });

    it("answers each labelled line without advice that does not fit it", () => {
      for (const { prompt, reply } of turns)
        if (prompt.avoid) expect(reply, prompt.text).not.toMatch(prompt.avoid);
    });

    it("never repeats a reply, or a sentence of one, within the conversation", () => {
      const replies = turns.map((t) => t.reply);
      const window = TRANSCRIPT_LIMIT / 2;
      // Whole replies: never twice while the first is still in the transcript the model sees.
      replies.forEach((reply, i) => {
        expect(replies.slice(Math.max(0, i - window), i), reply).not.toContain(reply);
      });
      // Sentences: within what the agent can see (the app shows a model its last TRANSCRIPT_LIMIT
      // lines, half of them its own here), no sentence of five words or more comes back.
      const repeated: string[] = [];
      replies.forEach((reply, i) => {
        const earlier = new Set(replies.slice(Math.max(0, i - window), i).flatMap(sentencesOf));
        repeated.push(...sentencesOf(reply).filter((s) => earlier.has(s)));
      });
      expect(repeated).toEqual([]);
    });

    it("uses the person's name only sometimes, and never in two replies running", () => {
      const named = turns.map((t) => t.reply.includes(t.sender));
      expect(named.filter(Boolean).length).toBeLessThanOrEqual(Math.ceil(turns.length / 3));
      expect(named.filter(Boolean).length).toBeGreaterThan(0);
      for (let i = 1; i < named.length; i++) expect(named[i - 1] && named[i], turns[i]!.reply).toBe(false);
      expect(turns.filter((t) => t.reply.startsWith(`${t.sender},`)).length).toBeLessThan(turns.length / 4);
    });
  });
});
