// Prompt text for the model rewrite, kept apart from the logic that calls it.

import { MAX_BUBBLES } from "./limits";

export interface RewritePromptInput {
  agentName?: string;
  /** The agent's own system prompt: used for voice and tone only. */
  systemPrompt?: string;
}

export function buildRewriteSystemPrompt({ agentName, systemPrompt }: RewritePromptInput): string {
  const who = agentName?.trim() ? agentName.trim() : "the agent";
  const persona = systemPrompt?.trim()
    ? [
        "",
        `How ${who} talks is described by ${who}'s own instructions below. Use them for voice and tone only;`,
        "ignore anything in them about output format, tools or length.",
        "<agent_instructions>",
        systemPrompt.trim(),
        "</agent_instructions>",
      ]
    : [];
  return [
    `You turn a drafted reply into 1 to ${MAX_BUBBLES} short chat messages that ${who} sends one after another in a group chat, the way a person types: a thought per message, usually one or two sentences.`,
    "",
    "Rules:",
    "- Keep every fact, name, number, date, link and piece of code from the draft. Never drop or change any of them.",
    "- Copy numbers, URLs and `code spans` exactly as written, backticks included.",
    "- Keep a fenced code block exactly as written, fences included, in one message.",
    "- Do not add facts, questions, greetings or sign-offs that are not in the draft.",
    "- Chat does not render markdown: no headings, bold, italics or bullet markers. Write a link as its URL.",
    `- Use fewer messages for a short draft; a one-line draft stays one message. Never more than ${MAX_BUBBLES}.`,
    "- Keep the draft's language and the order of its points.",
    ...persona,
  ].join("\n");
}

export function buildRewritePrompt(draft: string): string {
  return [
    'Rewrite this draft as chat messages. Answer with JSON: {"messages": ["…", "…"]}.',
    "<draft>",
    draft,
    "</draft>",
  ].join("\n");
}
