// Messages that close a loop rather than open one: thanks, "ok", "lol", a lone
// 👍, "nvm, found it", a greeting. Answering them is what makes a bot feel
// like a bot, so they pull hard towards silence.

import { isEmoji, normalizeText, tokenize } from "../../text/normalize";

export type AckKind = "thanks" | "affirm" | "laugh" | "cheer" | "reaction" | "greeting" | "resolved" | "away";

const THANKS = new Set([
  "thanks",
  "thank",
  "ty",
  "thx",
  "tysm",
  "tyvm",
  "cheers",
  "gracias",
  "merci",
  "danke",
]);
const AFFIRM = new Set([
  "ok",
  "okay",
  "k",
  "kk",
  "cool",
  "nice",
  "great",
  "perfect",
  "awesome",
  "amazing",
  "good",
  "sounds",
  "makes",
  "sense",
  "got",
  "will",
  "do",
  "noted",
  "sure",
  "yes",
  "yeah",
  "yep",
  "yup",
  "agreed",
  "same",
  "right",
  "true",
  "fair",
  "exactly",
  "done",
  "sent",
  "no",
  "nope",
  "1",
  "on",
  "it",
  "please",
  "pls",
]);
const LAUGH = new Set(["lol", "lmao", "haha", "hahaha", "hahahaha", "jaja", "rofl", "hehe"]);
const CHEER = new Set(["yay", "woohoo", "wow", "congrats", "congratulations", "hooray", "bravo", "woo"]);
const GREETING = new Set([
  "hi",
  "hello",
  "hey",
  "morning",
  "evening",
  "afternoon",
  "gm",
  "hola",
  "howdy",
  "night",
]);
/** Fillers that do not change what an acknowledgement is. */
const FILLER = new Set([
  "so",
  "much",
  "very",
  "a",
  "lot",
  "really",
  "oh",
  "ah",
  "ahh",
  "omg",
  "ooh",
  "aw",
  "awww",
  "you",
  "all",
  "everyone",
  "both",
  "guys",
  "folks",
  "team",
  "man",
  "again",
  "that",
  "for",
  "the",
  "help",
  "good",
]);
const RESOLVED =
  /\b(?:nvm|never ?mind|found it|figured it out|it works|that worked|it worked|works now|works again|working again|i'm in|all good|no worries|nah|no thanks|no need|that's fine|it's fine|is fine|fixed it|sorted)\b/;

/** Stepping away from the chat ("lol ok brb, grabbing coffee"): nothing to answer. */
const AWAY =
  /\b(?:brb|afk|bbl|bbiab|gtg|g2g|got to go|gotta go|be right back|be back in|back in (?:a|an|\d+|five|ten|a few) \w+|grabbing (?:a |some )?(?:coffee|lunch|food|tea|a bite)|off to (?:bed|lunch|sleep|dinner|work)|heading out|signing off|logging off)\b/;
/** Most words an away message may have. */
const AWAY_WORDS = 10;

/** Words that turn "thanks, but…" into a new problem rather than a closing. */
const PROBLEM_HINT = /\b(?:but|still|though|except|however|can't|cannot|won't|doesn't|didn't|not)\b/;

/** Classify a message as an acknowledgement, given name tokens to ignore ("thanks Sam"). */
export function classifyAcknowledgement(content: string, isName: (token: string) => boolean): AckKind | null {
  const normalized = normalizeText(content);
  if (normalized.includes("?")) return null;
  const all = tokenize(normalized);
  const words = all.filter((t) => !isEmoji(t) && !isName(t));
  // Only emoji (or "+1") is a reaction; a bare name ("@Sam ^") is a ping, not an acknowledgement.
  if (words.length === 0) return all.some(isEmoji) || /\+1/.test(normalized) ? "reaction" : null;
  if (/^\s*\+1\b/.test(normalized) && words.length <= 3) return "affirm";
  if (RESOLVED.test(normalized) && words.length <= 10) return "resolved";
  if (AWAY.test(normalized) && words.length <= AWAY_WORDS && !PROBLEM_HINT.test(normalized)) return "away";
  const core = words.filter((t) => !FILLER.has(t));
  // "thanks Hank!! water's back": thanks plus a short update closes the loop.
  if (core[0] && THANKS.has(core[0]) && words.length <= 8 && !PROBLEM_HINT.test(normalized)) return "thanks";
  if (words.length > 6) return null;
  if (core.length === 0) return "affirm";
  if (core.every((t) => GREETING.has(t) || t === "good")) return "greeting";
  if (core.some((t) => THANKS.has(t)) && core.every((t) => THANKS.has(t) || AFFIRM.has(t) || LAUGH.has(t)))
    return "thanks";
  if (core.every((t) => LAUGH.has(t))) return "laugh";
  if (core.every((t) => CHEER.has(t) || LAUGH.has(t) || AFFIRM.has(t)) && core.some((t) => CHEER.has(t)))
    return "cheer";
  if (core.every((t) => AFFIRM.has(t) || LAUGH.has(t))) return "affirm";
  return null;
}
