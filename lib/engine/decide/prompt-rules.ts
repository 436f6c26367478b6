// The system prompt's own rules about when to talk. Operators write these in
// plain English, so we read the common phrasings: "only speak when addressed"
// (hard gate), "speak up when you can help" (lower bar), "stay quiet during
// side chatter" (stronger penalty on chatter), and "stay out of X" (topics to
// avoid, handled by relevance).

export interface PromptRules {
  /** strict: only a direct address counts; lenient ("when asked"): a request for the agent's job counts too */
  onlyWhenAddressed: "strict" | "lenient" | null;
  /** open: a lower bar everywhere; scoped: a lower bar on the topics the phrase lists */
  proactive: "open" | "scoped" | null;
  /** general: any chatter; side: chatter between two other people */
  quietChatter: "general" | "side" | null;
  /** the raw phrases that name topics to keep out of */
  avoidPhrases: string[];
}

const ONLY_WHEN =
  /\bonly\s+(?:(?:speak|reply|respond|answer|talk|chime in|jump in|post|help|engage)\s+)?(?:up\s+)?(?:when|if)\s+(?:you(?:'re| are)\s+|someone\s+|somebody\s+|people\s+|a user\s+|users\s+|they\s+|explicitly\s+)?(?:directly\s+|explicitly\s+)?(address(?:es|ed)?|mention(?:s|ed)?|ask(?:s|ed)?|call(?:s|ed)?|tag(?:s|ged)?|ping(?:s|ed)?|@)/;
const UNLESS =
  /\b(?:stay silent|stay quiet|don't (?:speak|reply|respond)|do not (?:speak|reply|respond))\s+unless\s+(?:you(?:'re| are)\s+|someone\s+)?(?:directly\s+)?(address(?:es|ed)?|mention(?:s|ed)?|ask(?:s|ed)?|tag(?:s|ged)?)/;
const PROACTIVE =
  /\b(?:be proactive|proactively|speak up|chime in|jump in|join in|don't wait to be asked|do not wait to be asked)\b([^.;\n]*)/;
const QUIET =
  /\b(?:stay quiet|keep quiet|stay silent|be quiet|don't interrupt|do not interrupt|stay out of|keep out of|avoid)\b([^.;\n]*)/g;
const CHATTER_WORDS =
  /\b(?:chatter|chitchat|chit-chat|banter|small talk|side|personal|practi[cs]ing|off-topic|off topic)\b/;
const AVOID =
  /\b(?:stay out of|keep out of|avoid|don't weigh in on|do not weigh in on|don't comment on|do not comment on|never discuss|don't discuss|do not discuss|don't get into|don't interrupt|do not interrupt|leave)\s+([^.;!?\n]+)/g;
/** After "speak up"/"be proactive", words that only restate the condition, not a topic. */
const OPEN_CONDITION =
  /^\s*(?:when|whenever|if)?\s*(?:you\s+)?(?:can|could)?\s*(?:help|add something|be useful)?\s*[.!]?\s*$/;

/** Parse rules from a normalised prompt (see normalizeText). */
export function parsePromptRules(prompt: string): PromptRules {
  const only = ONLY_WHEN.exec(prompt) ?? UNLESS.exec(prompt);
  let onlyWhenAddressed: PromptRules["onlyWhenAddressed"] = null;
  if (only) {
    const verb = only[1] ?? "";
    onlyWhenAddressed = verb.startsWith("ask") && !/\bdirectly\b/.test(only[0]) ? "lenient" : "strict";
  }

  const pro = PROACTIVE.exec(prompt);
  // "speak up when you can help: plans, recipes…" lists examples, it does not narrow the rule;
  // "be proactive: flag risks in X" has no condition of its own, so the list is the scope.
  const condition = (pro?.[1] ?? "").split(":")[0] ?? "";
  const open = condition.trim() !== "" && OPEN_CONDITION.test(condition);
  const proactive: PromptRules["proactive"] = pro ? (open ? "open" : "scoped") : null;

  let quietChatter: PromptRules["quietChatter"] = null;
  for (const m of prompt.matchAll(QUIET)) {
    const tail = m[1] ?? "";
    if (/^\s*(?:people|others|someone)\b/.test(tail) && /interrupt/.test(m[0])) quietChatter ??= "general";
    if (!CHATTER_WORDS.test(tail)) continue;
    quietChatter = /\b(?:side|between)\b/.test(tail) ? "side" : "general";
  }

  // A clause ends at a comma: "don't interrupt people practising, and only correct…" avoids only the first part.
  const avoidPhrases = [...prompt.matchAll(AVOID)]
    .map((m) => (m[1] ?? "").split(",")[0]?.trim() ?? "")
    .filter(Boolean);
  return { onlyWhenAddressed, proactive, quietChatter, avoidPhrases };
}
