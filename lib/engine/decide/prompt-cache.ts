// Prompts are long (up to 100,000 chars) and the same for every decision of a
// thread, so their analysis is cached by prompt text. A small LRU bounds
// memory in a process serving many agents. Keyed by the prompt string itself
// (not a concatenation) so V8 reuses the string's cached hash.

import { buildPromptProfile, type PromptProfile } from "./relevance";

const MAX_PROMPTS = 128;
const cache = new Map<string, Map<string, PromptProfile>>();

export function promptProfile(systemPrompt: string | null, agentName: string | null): PromptProfile {
  const prompt = systemPrompt ?? "";
  const name = agentName ?? "";
  let byName = cache.get(prompt);
  if (byName) {
    // Re-insert to mark as most recently used.
    cache.delete(prompt);
    cache.set(prompt, byName);
  } else {
    byName = new Map();
    cache.set(prompt, byName);
    if (cache.size > MAX_PROMPTS) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  }
  let profile = byName.get(name);
  if (!profile) {
    profile = buildPromptProfile(prompt, agentName);
    byName.set(name, profile);
  }
  return profile;
}

export function clearPromptCache(): void {
  cache.clear();
}
