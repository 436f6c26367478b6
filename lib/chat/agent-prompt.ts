/**
 * The system prompt the Turn-taking decision sees: the agent's own prompt plus a rule
 * from its forwardness setting, in the words the decision model understands.
 */
export function decisionPrompt(systemPrompt: string, forwardness: number): string {
  const rule =
    forwardness <= 0.2
      ? "Only speak when asked or addressed by name."
      : forwardness >= 0.8
        ? "Be proactive: speak up whenever you can help or have something to add."
        : "";
  return rule ? `${systemPrompt}\n\n${rule}` : systemPrompt;
}
