import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { generateText, type ModelMessage, streamText } from "ai";
import { convertReadableStreamToArray } from "ai/test";
import { describe, expect, it } from "vitest";
import { splitSentences } from "@/lib/text/sentences";
import { agentSystemPrompt } from "../prompts";
import { MAX_REPLY_CHARS, offlineModel } from ".";

const system = (name: string, persona: string) =>
  agentSystemPrompt({ name, persona, roomName: "Launch crew", otherParticipants: ["Sam", "Priya"] });

const SUPPORT = system("Maya", "Support engineer. Friendly and patient. Expertise: authentication, billing.");
const DESIGNER = system("Theo", "Product designer who thinks about users first.");
const PLAYFUL = system("Pip", "Playful teammate who keeps the mood light.");
const PLAIN = system("Ada", "");

const EMOJI = /\p{Extended_Pictographic}/u;
const said = (...lines: string[]): ModelMessage[] => lines.map((content) => ({ role: "user", content }));

async function reply(systemPrompt: string, messages: ModelMessage[]): Promise<string> {
  const { text } = await generateText({ model: offlineModel, system: systemPrompt, messages });
  return text;
}

describe("offline persona model through generateText", () => {
  it("identifies itself as our own V3 model", () => {
    expect(offlineModel.specificationVersion).toBe("v3");
    expect(offlineModel.provider).toBe("roundtable");
    expect(offlineModel.modelId).toBe("roundtable-offline-persona");
  });

  it("is deterministic: the same input gives the same reply", async () => {
    const messages = said("Sam: I can't log in to the dashboard");
    const first = await reply(SUPPORT, messages);
    expect(await reply(SUPPORT, messages)).toBe(first);
    expect(await reply(SUPPORT, said("Sam: The export button crashes the app"))).not.toBe(first);
  });

  it("answers the same message differently, and in character, for each persona", async () => {
    const messages = said("Sam: I can't log in to the dashboard, any ideas?");
    const support = await reply(SUPPORT, messages);
    const designer = await reply(DESIGNER, messages);
    const playful = await reply(PLAYFUL, messages);

    expect(support).toMatch(/\b(troubleshoot|first|step|try|reset|private window|error)\b/i);
    expect(support).not.toMatch(EMOJI);
    expect(designer).toMatch(/\b(users?|flow|layout|screen)\b/i);
    expect(designer).not.toMatch(/\b(troubleshoot|reset your password)\b/i);
    expect(playful).toMatch(EMOJI);
    expect(new Set([support, designer, playful]).size).toBe(3);
  });

  it("gives concrete troubleshooting steps for a support request", async () => {
    const text = await reply(SUPPORT, said("Sam: I can't log in, it says my password is wrong"));
    expect(text).toMatch(/\b(reset your password|private window|caps lock)\b/i);
  });

  it("talks about users, flows and layout as a designer", async () => {
    const text = await reply(DESIGNER, said("Sam: What do you think of the new settings screen?"));
    expect(text).toMatch(/\b(users?|flow|layout)\b/i);
    expect(text).toMatch(/settings screen/i);
  });

  it("reuses the question's own topic words", async () => {
    const cases: [string, string, RegExp][] = [
      [SUPPORT, "Sam: How does the webhook retry queue work?", /webhook|retry|queue/i],
      [DESIGNER, "Priya: Should the onboarding checklist be collapsible?", /onboarding|checklist/i],
      [PLAYFUL, "Sam: Anyone up for the Friday quiz?", /friday|quiz/i],
      [PLAIN, "Sam: Could we move the analytics dashboard to a new tab?", /analytics|dashboard/i],
    ];
    for (const [persona, message, topic] of cases) expect(await reply(persona, said(message))).toMatch(topic);
  });

  it("falls back to the recent topic when the last message has none", async () => {
    const text = await reply(
      DESIGNER,
      said("Sam: the pricing table feels cramped", "Priya: what do you think?"),
    );
    expect(text).toMatch(/pricing table/i);
  });

  it("tells greetings, thanks and questions apart", async () => {
    const greeting = await reply(SUPPORT, said("Sam: hi Maya!"));
    const thanks = await reply(SUPPORT, said("Sam: thanks so much, that sorted it"));
    const question = await reply(SUPPORT, said("Sam: Which database should the search index live in?"));
    expect(greeting).toMatch(/^(hi|hey|hello)\b/i);
    expect(thanks).toMatch(/\b(happy to help|anytime|welcome)\b/i);
    expect(question).toMatch(/search index/i);
    expect(new Set([greeting, thanks, question]).size).toBe(3);
  });

  it("says goodbye to a farewell and keeps reactions to chatter short", async () => {
    expect(await reply(DESIGNER, said("Sam: good night everyone"))).toMatch(/\b(bye|see you)\b/i);
    for (const persona of [SUPPORT, DESIGNER, PLAYFUL, PLAIN]) {
      const text = await reply(persona, said("Sam: lol"));
      expect(splitSentences(text, { chat: true }).length).toBeLessThanOrEqual(2);
      expect(text).not.toMatch(/\bthis\b/);
    }
  });

  it("does not invent facts it cannot know", async () => {
    for (const persona of [SUPPORT, DESIGNER, PLAYFUL, PLAIN]) {
      const text = await reply(persona, said("Sam: When is the mobile release going out?"));
      expect(text).toMatch(
        /won't guess|not guess|wish I knew|make something up|don't know|don't have the details/i,
      );
    }
  });

  it("reads 'Name: text' transcripts and answers the last speaker by name when addressed", async () => {
    const text = await reply(
      SUPPORT,
      said("Sam: morning all", "Priya: Maya, my invoice download keeps failing\nit just spins forever"),
    );
    expect(text).toContain("Priya");
    expect(text).not.toContain("Sam");
    expect(text).toMatch(/invoice/i);
  });

  it("greets the room when nobody has spoken", async () => {
    const text = await reply(
      PLAYFUL,
      said("(Nobody has said anything yet. Open the conversation with a short hello.)"),
    );
    expect(text).toMatch(/^(heyyy|hello|yo)\b/i);
    expect(text).not.toMatch(/nobody|conversation/i);
  });

  it("applies tone: formal avoids contractions and emoji, concise stays short", async () => {
    const formal = await reply(
      system("Grace", "Support engineer. Formal and professional."),
      said("Sam: I can't log in"),
    );
    expect(formal).not.toMatch(/\b(I'd|don't|can't|it's|you're)\b/);
    expect(formal).not.toMatch(EMOJI);
    const concise = await reply(system("Kai", "Support engineer. Concise."), said("Sam: I can't log in"));
    expect(splitSentences(concise, { chat: true }).length).toBeLessThanOrEqual(2);
  });

  it("varies its phrasing with the input", async () => {
    const topics = ["export", "sync", "upload", "search", "import", "share", "calendar", "printing"];
    const shapes = new Set<string>();
    for (const topic of topics) {
      const text = await reply(SUPPORT, said(`Sam: the ${topic} feature is broken`));
      shapes.add(text.replace(new RegExp(topic, "gi"), "X").slice(0, 25));
    }
    expect(shapes.size).toBeGreaterThan(1);
  });

  it("keeps every reply to 1-4 sentences and at most 600 characters", async () => {
    const long = `Sam: ${"the extraordinarily-long-configuration-parameter-name ".repeat(120)}is broken?`;
    const messages = [
      "Sam: hi",
      "Sam: thanks!",
      "Sam: ok",
      "Sam: ???",
      "Sam: What do you think about moving standup to 10am?",
      "Sam: let's plan the Q3 roadmap",
      "Sam: the staging server is down and deploys fail with error 502",
      long,
    ];
    for (const persona of [SUPPORT, DESIGNER, PLAYFUL, PLAIN]) {
      for (const message of messages) {
        const text = await reply(persona, said(message));
        expect(text.length).toBeGreaterThan(0);
        expect(text.length).toBeLessThanOrEqual(MAX_REPLY_CHARS);
        const sentences = splitSentences(text.replace(/\p{Extended_Pictographic}/gu, ""), {
          chat: true,
        }).length;
        expect(sentences).toBeGreaterThanOrEqual(1);
        expect(sentences).toBeLessThanOrEqual(4);
      }
    }
  });

  it("reports usage as whitespace word counts and honours maxOutputTokens", async () => {
    const result = await generateText({
      model: offlineModel,
      system: SUPPORT,
      messages: said("Sam: hi Maya"),
    });
    expect(result.finishReason).toBe("stop");
    expect(result.usage.outputTokens).toBe(result.text.split(/\s+/).length);
    expect(result.usage.inputTokens).toBeGreaterThan(20);
    expect(result.warnings).toEqual([]);

    const short = await generateText({
      model: offlineModel,
      system: SUPPORT,
      messages: said("Sam: I can't log in"),
      maxOutputTokens: 3,
    });
    expect(short.finishReason).toBe("length");
    expect(short.text.split(/\s+/)).toHaveLength(3);
  });
});

describe("offline persona model through streamText", () => {
  it("streams the same text word by word", async () => {
    const messages = said("Sam: The checkout page is slow on mobile");
    const expected = await reply(SUPPORT, messages);
    const result = streamText({ model: offlineModel, system: SUPPORT, messages });
    const chunks: string[] = [];
    for await (const chunk of result.textStream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join("")).toBe(expected);
    expect((await result.usage).outputTokens).toBe(expected.split(/\s+/).length);
    expect(await result.finishReason).toBe("stop");
  });

  it("emits the V3 stream parts in order", async () => {
    const { stream } = await offlineModel.doStream({
      prompt: [
        { role: "system", content: PLAYFUL },
        { role: "user", content: [{ type: "text", text: "Sam: hello Pip!" }] },
      ],
    });
    const parts: LanguageModelV3StreamPart[] = await convertReadableStreamToArray(stream);
    const types = parts.map((p) => p.type);
    expect(types[0]).toBe("stream-start");
    expect(types.filter((t) => t === "text-delta").length).toBeGreaterThan(2);
    expect(types.indexOf("text-start")).toBeLessThan(types.indexOf("text-delta"));
    expect(types.slice(-2)).toEqual(["text-end", "finish"]);
    const finish = parts.at(-1);
    expect(finish?.type === "finish" && finish.usage.outputTokens.total).toBeGreaterThan(0);
  });
});
