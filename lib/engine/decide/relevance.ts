// How much a message concerns what this agent is for. The system prompt is
// reduced once to weighted keyword stems (its own content words at full
// weight, the rest of any topic cluster it clearly covers at a lower weight)
// plus the stems of topics it says to stay out of; a message then scores by
// the keywords it shares.

import { memoize } from "../../text/memoize";
import { normalizeText, tokenize } from "../../text/normalize";
import { PROMPT_META_WORDS, STOPWORDS } from "../../text/stopwords";
import { MOOD_WORDS, PHRASES, TOPIC_CLUSTERS } from "./lexicon";
import { type PromptRole, promptRole, statesField } from "./prompt-role";
import { type PromptRules, parsePromptRules } from "./prompt-rules";
import { stem } from "./stem";

export const DIRECT_WEIGHT = 1;
export const CLUSTER_WEIGHT = 0.5;

export interface PromptProfile {
  /** stem -> weight */
  keywords: ReadonlyMap<string, number>;
  /** mood stems (see MOOD_WORDS) the prompt invites, e.g. celebrations for "cheer people on" */
  moods: ReadonlySet<string>;
  /** stems of topics the prompt keeps the agent out of */
  avoid: ReadonlySet<string>;
  rules: PromptRules;
  /** the role the prompt gives the agent (helper, asker, newcomer) */
  role: PromptRole;
  /** the prompt gives the agent a job (see prompt-role.statesField) */
  field: boolean;
}

/** mood stem -> stems of the words that invite it */
const MOOD_CLUSTERS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(MOOD_WORDS).map(([mood, words]) => [stem(mood), new Set(words.map(stem))]),
);

const CLUSTER_STEMS = TOPIC_CLUSTERS.map((c) => ({ head: c.head, stems: new Set(c.words.map(stem)) }));
/** stem -> indexes of the clusters containing it, so a prompt is scanned once. */
const CLUSTERS_OF = new Map<string, number[]>();
CLUSTER_STEMS.forEach((cluster, index) => {
  for (const s of cluster.stems) CLUSTERS_OF.set(s, [...(CLUSTERS_OF.get(s) ?? []), index]);
});

/** Normalise, split camelCase identifiers ("IndexError"), fold multi-word expressions ("log in" -> "login"). */
export const prepareText: (text: string) => string = memoize((text) => {
  let out = normalizeText(text.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2"));
  for (const [pattern, replacement] of PHRASES) out = out.replace(pattern, replacement);
  return out;
});

/** Topic stems of prepared text: no stopwords, no bare numbers. */
export function contentStems(prepared: string, extraStop?: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const token of tokenize(prepared)) {
    if (STOPWORDS.has(token) || extraStop?.has(token)) continue;
    if (/^\d+$/.test(token) || token.length < 2) continue;
    out.add(stem(token));
  }
  return out;
}

/** "help customers with billing and login issues", "answer questions about Python": the agent's stated domain. */
const DOMAIN_AFTER =
  /\b(?:help|helps|helping|assist|assists|answer|answers|handle|handles)\b[^.;:]{0,40}?\b(?:with|about|on)\b([^.;]{0,200})/g;
const DOMAIN_BEFORE = /\b(?:issues|questions|problems|topics|requests|tickets)\b/g;
/** How far before "issues"/"questions" the domain words may start. */
const BEFORE_CHARS = 80;

function domainWords(prepared: string): Set<string> {
  const out = new Set<string>();
  for (const m of prepared.matchAll(DOMAIN_AFTER)) for (const t of tokenize(m[1] ?? "")) out.add(t);
  // Linear on long prompts: look back a bounded distance, to the start of the clause.
  for (const m of prepared.matchAll(DOMAIN_BEFORE)) {
    const before = prepared.slice(Math.max(0, m.index - BEFORE_CHARS), m.index);
    const clause = before.slice(Math.max(...[".", ";", ":", ","].map((p) => before.lastIndexOf(p))) + 1);
    for (const t of tokenize(clause)) out.add(t);
  }
  return out;
}

/**
 * Clusters a prompt clearly covers: at least `minHits` of their words, or the
 * cluster's own name ("python", "billing") as the stated domain or next to
 * another of its words. One or two incidental words are often just the
 * setting ("budgeting assistant for the wedding", "the calendar of runs and
 * races"), not the agent's job.
 */
function expandClusters(
  stems: ReadonlySet<string>,
  words: ReadonlySet<string>,
  domain: ReadonlySet<string>,
  minHits: number,
): Set<string> {
  const out = new Set<string>();
  const hitsOf = new Array<number>(CLUSTER_STEMS.length).fill(0);
  for (const s of stems)
    for (const index of CLUSTERS_OF.get(s) ?? []) hitsOf[index] = (hitsOf[index] ?? 0) + 1;
  for (const [index, cluster] of CLUSTER_STEMS.entries()) {
    const hits = hitsOf[index] ?? 0;
    const head = cluster.head;
    const named = words.has(head) || words.has(`${head}s`);
    const stated = domain.has(head) || domain.has(`${head}s`);
    if (hits >= minHits || (named && (hits >= 2 || stated))) for (const s of cluster.stems) out.add(s);
  }
  return out;
}

/**
 * Only the start of a prompt is analysed: that is where the role and its rules
 * are stated, while very long prompts append reference material that would
 * make every word "relevant" (and cost time on the first decision).
 */
export const MAX_PROMPT_ANALYSIS_CHARS = 8000;

export function buildPromptProfile(systemPrompt: string, agentName: string | null): PromptProfile {
  let prepared = prepareText(systemPrompt.slice(0, MAX_PROMPT_ANALYSIS_CHARS));
  const field = statesField(prepared);
  const rules = parsePromptRules(prepared);
  const nameTokens = new Set(agentName ? tokenize(normalizeText(agentName)) : []);

  // Topics to stay out of; any single cluster word brings its whole cluster.
  const avoidDirect = new Set<string>();
  for (const phrase of rules.avoidPhrases) {
    for (const s of contentStems(phrase, PROMPT_META_WORDS)) avoidDirect.add(s);
    prepared = prepared.replace(phrase, " ");
  }
  const avoid = new Set([...avoidDirect, ...expandClusters(avoidDirect, new Set(), new Set(), 1)]);

  const direct = contentStems(prepared, PROMPT_META_WORDS);
  for (const t of nameTokens) direct.delete(stem(t));
  const keywords = new Map<string, number>();
  const words = new Set(tokenize(prepared));
  for (const s of expandClusters(direct, words, domainWords(prepared), 3))
    if (!avoid.has(s)) keywords.set(s, CLUSTER_WEIGHT);
  for (const s of direct) if (!avoid.has(s)) keywords.set(s, DIRECT_WEIGHT);
  // A tone is invited by any word of its cluster ("encouraging" invites celebrating a personal best).
  const moods = new Set<string>();
  for (const [mood, words] of MOOD_CLUSTERS) {
    for (const s of direct) if (words.has(s) && !avoid.has(s)) moods.add(mood);
  }
  return { keywords, moods, avoid, rules, role: promptRole(prepared), field };
}

export interface Relevance {
  /** summed keyword weight of the distinct stems shared with the prompt */
  score: number;
  matched: string[];
  avoided: string[];
}

export function scoreRelevance(profile: PromptProfile, stems: ReadonlySet<string>): Relevance {
  let score = 0;
  const matched: string[] = [];
  const avoided: string[] = [];
  for (const s of stems) {
    const w = profile.moods.has(s) ? DIRECT_WEIGHT : profile.keywords.get(s);
    if (w) {
      score += w;
      matched.push(s);
    }
    if (profile.avoid.has(s)) avoided.push(s);
  }
  return { score, matched, avoided };
}
