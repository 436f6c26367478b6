import { normalizeQuotes } from "./text";

/** Reply style families; everything that is neither a job role nor social banter is "generic". */
export type RoleFamily = "support" | "design" | "playful" | "generic";
export type Tone = "playful" | "concise" | "friendly" | "formal" | "enthusiastic" | "calm";

export interface Persona {
  name: string | null;
  role: string | null;
  family: RoleFamily;
  tones: Tone[];
  expertise: string[];
  participants: string[];
}

const TONE_WORDS: Record<Tone, RegExp> = {
  playful: /\b(playful|funny|witty|jokey|joking|cheeky|silly|humou?rous|goofy|puns?|emojis?|banter)\b/i,
  concise: /\b(concise|brief|terse|succinct|to the point|few words|laconic)\b/i,
  friendly: /\b(friendly|warm|kind|approachable|cheerful|supportive|empathetic|caring|welcoming)\b/i,
  formal: /\b(formal|professional|polite|courteous|proper)\b/i,
  enthusiastic: /\b(enthusiastic|excited|energetic|upbeat|peppy|bubbly)\b/i,
  calm: /\b(calm|patient|measured|thoughtful|reassuring|gentle)\b/i,
};

// Job families are matched on the head noun of the role first ("product designer" → design).
const SUPPORT =
  /^(support|engineer|engineering|developer|dev|devops|sre|sysadmin|admin|administrator|helpdesk|technician|technical|tech|backend|frontend|programmer|coder|ops|infrastructure|infra|security|qa|tester|troubleshooter|it|cto)$/i;
const DESIGN =
  /^(design|designer|designers|ux|ui|product|pm|researcher|creative|illustrator|artist|brand|ux\/ui|ui\/ux|copywriter)$/i;
const PLAYFUL =
  /^(playful|funny|jokester|comedian|prankster|social|party|hype|cheerleader|banter|meme|fun|witty|joker|buddy|pal|goofball)$/i;

/** Reads the agent's profile out of the system prompt: name, role, tone, expertise, room members. */
export function extractPersona(systemPrompt: string): Persona {
  const system = normalizeQuotes(systemPrompt);
  const role = extractRole(system);
  const tones = (Object.keys(TONE_WORDS) as Tone[]).filter((tone) => TONE_WORDS[tone].test(system));
  return {
    name: extractName(system),
    role,
    family: classify(role, system, tones),
    tones,
    expertise: extractExpertise(system),
    participants: extractParticipants(system),
  };
}

const NAME = "([\\p{Lu}][\\p{L}'-]*(?: [\\p{Lu}][\\p{L}'-]*)?)";

function extractName(system: string): string | null {
  const match =
    system.match(new RegExp(`\\bYou are ${NAME}`, "u")) ??
    system.match(new RegExp(`\\bYour name is ${NAME}`, "u")) ??
    system.match(new RegExp(`^Name:\\s*${NAME}`, "mu"));
  const name = match?.[1]?.trim();
  // "You are A support engineer" is an article, not a name.
  if (!name || /^(A|An|The|In|On|Now|Here|Part)$/.test(name)) return null;
  return name;
}

const ROLE_END = /(?:[.,;:!\n(]| who | that | with | at | in | for | on | and you | working )/i;

function cutRole(text: string | undefined): string | null {
  if (!text) return null;
  const role = text.split(ROLE_END)[0]?.trim().replace(/\s+/g, " ");
  return role && role.length <= 60 ? role.toLowerCase() : null;
}

function extractRole(system: string): string | null {
  const labelled = system.match(/^(?:Role|Job|Title)\s*:\s*(.+)$/im)?.[1];
  if (labelled) return cutRole(labelled);
  const afterName = system.match(/\bYou are [^,.\n]{1,40}?,\s+(?:an?|the|our)\s+([^\n]+)/i)?.[1];
  if (afterName) return cutRole(afterName);
  const persona = system.match(/^(?:Your )?persona\s*:\s*(?:an?\s+|the\s+)?(.+)$/im)?.[1];
  if (persona) return cutRole(persona);
  return cutRole(system.match(/\bYou are (?:an?|the|our)\s+([^\n]+)/i)?.[1]);
}

function familyOfWords(words: string[]): RoleFamily | null {
  for (const word of [...words].reverse()) {
    if (SUPPORT.test(word)) return "support";
    if (DESIGN.test(word)) return "design";
  }
  return null;
}

function classify(role: string | null, system: string, tones: Tone[]): RoleFamily {
  const roleWords = role?.split(/[\s-]+/) ?? [];
  const fromRole = familyOfWords(roleWords);
  if (fromRole) return fromRole;
  if (roleWords.some((w) => PLAYFUL.test(w))) return "playful";
  // No recognisable role: count signals across the whole profile.
  const words = system.split(/[^\p{L}/]+/u).filter(Boolean);
  const support = words.filter((w) => SUPPORT.test(w) && w !== "it").length + (/\bIT\b/.test(system) ? 1 : 0);
  const design = words.filter((w) => DESIGN.test(w)).length;
  if (support > 0 && support >= design) return "support";
  if (design > 0) return "design";
  if (tones.includes("playful") || words.some((w) => PLAYFUL.test(w))) return "playful";
  return "generic";
}

function extractExpertise(system: string): string[] {
  const match = system.match(
    /(?:areas? of expertise|expertise|expert (?:in|on)|speciali[sz](?:es|ing|t) (?:in|on)|specialties|knows (?:a lot )?about|skills|good at|focus(?:es)? on)\s*(?:is|are|includes?)?\s*[:-]?\s*([^.\n]+)/i,
  );
  if (!match?.[1]) return [];
  return match[1]
    .split(/,|;|\/|\band\b|\bor\b|&/i)
    .map((item) =>
      item
        .trim()
        .replace(/^(in|on|with|the)\s+/i, "")
        .toLowerCase(),
    )
    .filter((item) => item.length >= 2 && item.length <= 40)
    .slice(0, 5);
}

function extractParticipants(system: string): string[] {
  const match = system.match(/^(?:Others here|Other participants|Participants|People here)\s*:\s*(.+)$/im);
  if (!match?.[1]) return [];
  return match[1]
    .split(/,|\band\b/)
    .map((name) => name.trim().replace(/[.]$/, ""))
    .filter((name) => name.length > 0 && name.length <= 40);
}
