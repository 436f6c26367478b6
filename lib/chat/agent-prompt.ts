import { mentionsName } from "@/lib/text/mentions";

/** Forwardness at or above this speaks up freely, at or below ONLY_WHEN_ASKED waits to be asked. */
export const SPEAKS_UP_FREELY = 0.8;
export const ONLY_WHEN_ASKED = 0.2;

/**
 * The system prompt the Turn-taking decision sees: the agent's own prompt plus a rule
 * from its forwardness setting, in the words the decision model understands.
 */
export function decisionPrompt(systemPrompt: string, forwardness: number): string {
  const rule =
    forwardness <= ONLY_WHEN_ASKED
      ? "Only speak when asked or addressed by name."
      : forwardness >= SPEAKS_UP_FREELY
        ? "Be proactive: speak up whenever you can help or have something to add."
        : "";
  return rule ? `${systemPrompt}\n\n${rule}` : systemPrompt;
}

/**
 * Agents do not answer each other by default (a reply to a person is not an opening for
 * the room): only when the other agent names them, or when they are set to speak up
 * freely. Either way the line joins their thread, so their history stays whole.
 */
export function mayAnswerAgent(agent: { name: string; forwardness: number }, text: string): boolean {
  return agent.forwardness >= SPEAKS_UP_FREELY || mentionsName(text, agent.name);
}
