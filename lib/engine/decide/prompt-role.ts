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

const JOB =
  "engineer|designer|assistant|tutor|coach|teammate|helper|planner|expert|guide|organi[sz]er|moderator|facilitator|" +
  "manager|specialist|analyst|writer|editor|chef|cook|master|keeper|buddy|friend|companion|bot|teacher|mentor|" +
  "librarian|navigator|scribe|researcher|advis[eo]r|host|concierge|mechanic|support|coordinator";
const STATES_FIELD = new RegExp(
  `\\b(?:you are|you're)\\s+(?:[^,.;:!?\\n]{1,40},\\s*|(?:a|an|the)\\s+)[^.;:!?\\n]{0,80}?\\b(?:${JOB})s?\\b|` +
    "\\b(?:help (?:with|find|riders|students|customers|people)|answer questions|" +
    "you (?:help|care about|love|handle|answer|track|teach|explain|review|organi[sz]e|moderate|cover|keep|manage))\\b",
);
/** Where a prompt states what the agent is for: its opening. */
const FIELD_CHARS = 300;

/**
 * Does the prompt give the agent a job ("You are Sam, a support engineer",
 * "Help with routes and trains")? Such an agent is expected to answer what
 * falls in its field even unasked, unlike one more person in a busy channel.
 */
export function statesField(prepared: string): boolean {
  return STATES_FIELD.test(prepared.slice(0, FIELD_CHARS));
}
