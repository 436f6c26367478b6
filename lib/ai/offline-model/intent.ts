import { normalizeQuotes, plainText } from "./text";

export type Intent =
  | "greeting"
  | "farewell"
  | "thanks"
  | "resolved"
  | "help"
  | "howto"
  | "opinion"
  | "plan"
  | "question"
  | "statement";

export interface IntentInfo {
  intent: Intent;
  /** A question about facts (when, who, status…) the offline model cannot know and must not guess. */
  factual: boolean;
}

const GREETING =
  /^(hi|hey|heya|hiya|hello|helo|yo|howdy|sup|morning|evening|afternoon|good (morning|afternoon|evening|day)|greetings|hola|salut|bonjour|ciao|hallo|g'day|hi there|hey there|hello there)\b/i;
const SMALL_TALK =
  /\b(how are (you|u|ya|things)( doing| all)?|how's it going|how is it going|what's up|whats up|how('s| is) everyone|everyone|all|folks|team|there|guys|y'all|again|today|doing)\b/gi;
const FAREWELL =
  /^(bye|byee+|goodbye|good night|gn|night all|nighty night|see (you|ya|u)|cya|later|catch you later|ttyl|signing off|logging off|heading out|i'm off|gotta go|have a good (one|day|evening|night|weekend))\b/i;
const THANKS =
  /\b(thanks|thank you|thank u|thx|ty|tysm|cheers|appreciate it|appreciated|much obliged|kudos)\b/i;
const RESOLVED =
  /\b(never ?mind|nvm|(it|that|everything)('s| is)? (works|working) (now|again)|works now|fixed it|sorted it( out)?|all good now|figured it out|got it working|problem solved|solved it|no longer needed|ignore (that|me))\b/i;
const PROBLEM =
  /\b(wrong|incorrect|missing|slow|laggy|stop(s|ped)? working|(don't|doesn't|didn't|won't|isn't|aren't) (load|loading|open|show|save|sync|start|connect|appear|update|send|arrive|render)|(returns|returned|throws|gives|got|getting) (an? )?(500|502|503|404|401|403|timeout)|disappear(ed|s)?|logged out|logs me out|logging me out|declined|can't|cant|cannot|can not|unable|not working|doesn't work|does not work|isn't working|won't|wont|broken|breaks|broke|errors?(?! messages?)|fail|fails|failed|failing|stuck|issue|issues|problem|problems|bug|bugs|crash|crashes|crashed|crashing|trouble|locked out|is down|went down|not loading)\b/i;
const HOW_TO =
  /^(how (do|can) (i|we)|how to|where (do|can) (i|we) (find|see|change|set|get|turn)|is there a way to|what's the best way to|what is the best way to)\b/i;
const OPINION =
  /\b(what do you think|what do you reckon|what would you( change| do)?|would you change|thoughts|your take|opinion|opinions|do you like|would you rather|prefer|which (one|is better|do you)|better|worth it|should we|should i|how do (you|we) feel|does (this|it) look|how does (this|it) look|feedback|pros and cons|good idea|bad idea|worth \w+ing)\b/i;
const PLAN =
  /\b(plan|plans|planning|let's|lets|next steps?|roadmap|schedule|scheduled|timeline|milestones?|deadline|sprint|this week|next week|tomorrow|kick ?off|agenda|organi[sz]e|prioriti[sz]e|priorities|launch|ship it|retro|standup)\b/i;
const HELP_WORD = /\b(help|assist|support me|can you (fix|check|look))\b/i;
const QUESTION_START =
  /^(who|what|when|where|why|how|which|whose|is|are|am|do|does|did|can|could|would|will|should|has|have|was|were|any|anyone)\b/i;
const FACTUAL =
  /^(when|who|where|whose|what time|what date|(is|are) \S+ (down|up|live|out)\?|how many|how much|how long|did|has|have|was|were|is it done|is it live|what's the status|what is the status|(is|are|was|were) (the|it|our|this|that|there)\b)|\b(status of|eta|release date|yesterday|last week)\b/i;

/** Classifies the message being answered; order matters (a thankful bug report is still a bug report). */
export function detectIntent(rawText: string): IntentInfo {
  const text = plainText(normalizeQuotes(rawText));
  const question = text.includes("?") || QUESTION_START.test(text);
  const problem = PROBLEM.test(text);
  if (THANKS.test(text) && !problem && !question) return { intent: "thanks", factual: false };
  if (FAREWELL.test(text) && !problem && !question) return { intent: "farewell", factual: false };
  if (RESOLVED.test(text) && !question) return { intent: "resolved", factual: false };
  if (GREETING.test(text)) {
    const rest = text
      .replace(GREETING, "")
      .replace(SMALL_TALK, "")
      .replace(/[^\p{L}\p{N}\s]/gu, " ");
    // "Hi Maya!" or "hey all, how are you?" is a greeting; "hi, I can't log in" is not.
    // Names and "and" do not count: "hi Maya and Sam" is still just a hello.
    const words = rest.split(/\s+/).filter((w) => w && w !== "and" && !/^\p{Lu}/u.test(w));
    if (words.length <= 1) return { intent: "greeting", factual: false };
  }
  if (problem) return { intent: "help", factual: false };
  if (HOW_TO.test(text)) return { intent: "howto", factual: false };
  if (OPINION.test(text)) return { intent: "opinion", factual: false };
  if (question && FACTUAL.test(text)) return { intent: "question", factual: true };
  if (PLAN.test(text)) return { intent: "plan", factual: false };
  if (HELP_WORD.test(text)) return { intent: "help", factual: false };
  if (question) return { intent: "question", factual: false };
  return { intent: "statement", factual: false };
}
