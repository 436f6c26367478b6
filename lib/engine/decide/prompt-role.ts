// The agent's role as its system prompt states it. People who help others
// answer questions put to the room; people who came to ask mostly reply to
// whoever is helping them; a newcomer rarely speaks up unprompted.

export type PromptRole = "helper" | "asker" | "newcomer" | null;

const HELPER =
  /\brole: helper\b|\b(?:you|i) (?:help|assist|support|answer)\b|\b(?:support|help ?desk|customer success) (?:engineer|agent|specialist|person|lead)\b|\bhelps? (?:people|users|customers|the team|everyone)\b/;
const ASKER = /\brole: asker\b|\b(?:you|i) (?:came|come|are here) to ask\b|\bmostly asks?\b/;
const NEWCOMER = /\brole: newcomer\b|\b(?:you are|you're) new (?:here|to)\b/;

/** The role a normalised prompt states; the first match wins in the order helper, asker, newcomer. */
export function promptRole(prepared: string): PromptRole {
  if (HELPER.test(prepared)) return "helper";
  if (ASKER.test(prepared)) return "asker";
  if (NEWCOMER.test(prepared)) return "newcomer";
  return null;
}
