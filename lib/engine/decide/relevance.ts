// How much a message concerns what this agent is for. The system prompt is
// reduced once to weighted keyword stems (its own content words at full
// weight, the rest of any topic cluster it clearly covers at a lower weight)
// plus the stems of topics it says to stay out of; a message then scores by
// the keywords it shares.

import { normalizeText, tokenize } from "./text";
import { PHRASES, TOPIC_CLUSTERS } from "./lexicon";
import { parsePromptRules, type PromptRules } from "./prompt-rules";
import { stem } from "./stem";
import { PROMPT_META_WORDS, STOPWORDS } from "./stopwords";

export const DIRECT_WEIGHT = 1;
export const CLUSTER_WEIGHT = 0.4;

export interface PromptProfile {
  /** stem -> weight */
  keywords: ReadonlyMap<string, number>;
  /** stems of topics the prompt keeps the agent out of */
  avoid: ReadonlySet<string>;
  rules: PromptRules;
}

const CLUSTER_STEMS = TOPIC_CLUSTERS.map((c) => ({ head: stem(c.head), stems: new Set(c.words.map(stem)) }));

/** Normalise and fold multi-word expressions ("log in" -> "login"). */
export function prepareText(text: string): string {
  let out = normalizeText(text);
  for (const [pattern, replacement] of PHRASES) out = out.replace(pattern, replacement);
  return out;
}

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

/**
 * Clusters a prompt clearly covers: `minHits` of its words, or its head word
 * plus one more. A lone head word is often just the setting ("budgeting
 * assistant for the wedding"), not the agent's job.
 */
function expandClusters(stems: ReadonlySet<string>, minHits: number): Set<string> {
  const out = new Set<string>();
  for (const cluster of CLUSTER_STEMS) {
    let hits = 0;
    let head = false;
    for (const s of stems) {
      if (!cluster.stems.has(s)) continue;
      hits += 1;
      if (s === cluster.head) head = true;
    }
    if (hits >= minHits || (head && hits >= Math.min(2, minHits))) for (const s of cluster.stems) out.add(s);
  }
  return out;
}

export function buildPromptProfile(systemPrompt: string, agentName: string | null): PromptProfile {
  let prepared = prepareText(systemPrompt);
  const rules = parsePromptRules(prepared);
  const nameTokens = new Set(agentName ? tokenize(normalizeText(agentName)) : []);

  // Topics to stay out of; any single cluster word brings its whole cluster.
  const avoidDirect = new Set<string>();
  for (const phrase of rules.avoidPhrases) {
    for (const s of contentStems(phrase, PROMPT_META_WORDS)) avoidDirect.add(s);
    prepared = prepared.replace(phrase, " ");
  }
  const avoid = new Set([...avoidDirect, ...expandClusters(avoidDirect, 1)]);

  const direct = contentStems(prepared, PROMPT_META_WORDS);
  for (const t of nameTokens) direct.delete(stem(t));
  const keywords = new Map<string, number>();
  for (const s of expandClusters(direct, 3)) if (!avoid.has(s)) keywords.set(s, CLUSTER_WEIGHT);
  for (const s of direct) if (!avoid.has(s)) keywords.set(s, DIRECT_WEIGHT);
  return { keywords, avoid, rules };
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
    const w = profile.keywords.get(s);
    if (w) {
      score += w;
      matched.push(s);
    }
    if (profile.avoid.has(s)) avoided.push(s);
  }
  return { score, matched, avoided };
}
