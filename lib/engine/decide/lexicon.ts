// A small topic thesaurus. Keyword overlap alone misses that "my invoice is
// wrong" concerns a prompt about "billing", so each cluster groups the
// everyday words of one domain. A prompt that clearly covers a domain
// (its head word, or two of its words) picks up the rest of the cluster at a
// lower weight. General vocabulary only: no names, no product terms.

/** Multi-word expressions folded to one token before tokenizing (text already normalised). */
export const PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:log|logg?ing|logged|sign|signing|signed)[\s-]?(?:in|on)\b/g, " login "],
  [/\b(?:two|2)[\s-]?(?:factor|step)\b|\b(?:2fa|mfa|otp)\b/g, " 2fa "],
  [/\bout[\s-]of[\s-]office\b/g, " outofoffice "],
  [/\be-?mail\b/g, " email "],
  [/\bwi-?fi\b/g, " wifi "],
  [/\bterm[\s-]?sheet\b/g, " termsheet "],
  [/\bchit[\s-]?chat\b|\bsmall talk\b/g, " chitchat "],
  [/\baction items?\b/g, " actionitem "],
  [/\bguest[\s-]?list\b/g, " guestlist "],
  [/\bdark[\s-]?mode\b/g, " darkmode "],
  [/[€$£]|\b(?:eur|euros?|dollars?|bucks)\b/g, " price "],
  [/\bfrom [\p{L}]+ to [\p{L}]+/gu, " route "],
  [/\bwhen (?:do|should|would) (?:i|you|we) use\b|\bwhen to use\b/g, " grammar usage "],
  [/\bhow (?:do|would) (?:i|you|we) say\b/g, " translate "],
];

export interface TopicCluster {
  /** The word that, alone in a prompt, marks the whole domain. */
  head: string;
  words: string[];
}

const cluster = (spec: string): TopicCluster => {
  const words = spec.split(/\s+/).filter(Boolean);
  return { head: words[0] ?? "", words };
};

export const TOPIC_CLUSTERS: ReadonlyArray<TopicCluster> = [
  cluster(
    "billing bill bills invoice invoices invoicing charge charged charges payment payments pay paid refund refunds " +
      "subscription subscriptions plan plans card receipt trial cancel cancellation renewal " +
      "prorated tax vat checkout seat seats upgrade downgrade",
  ),
  cluster(
    "login password passwords reset 2fa authenticator sso account accounts locked lockout invite invitation verify " +
      "verification authentication credentials username",
  ),
  cluster(
    "design designer interface ui ux layout layouts navigation sidebar header onboarding color colors colour colours " +
      "palette font fonts typography contrast readable readability accessibility mockup mockups wireframe prototype " +
      "figma icon icons illustration logo screen page button cta darkmode theme spacing visual grey gray blue",
  ),
  cluster(
    "budget budgets money cost costs spend spent expense expenses owe owes owed split rent deposit deposits total " +
      "price cheap cheaper cheapest afford affordable fee fees savings",
  ),
  cluster(
    "travel trip trips flight flights fly train trains bus ferry route routes airport hotel hotels airbnb hostel " +
      "accommodation itinerary itineraries booking visa passport luggage rental ticket tickets destination " +
      "directions drive driving traffic parking night nights",
  ),
  cluster(
    "recipe recipes cook cooking cooked meal meals dinner lunch breakfast food dish dishes bake baking dough yeast " +
      "flour oven ingredient ingredients grocery groceries vegetarian vegan spice spices sauce bread pasta rise " +
      "substitute substitution herbs rosemary",
  ),
  cluster(
    "running run runs runner training race races marathon half 5k 10k km pace intervals tempo knee injury injuries " +
      "sore stretch shoes recovery workout mile miles",
  ),
  cluster(
    "code coding bug bugs error errors exception crash build builds compile deploy deployment server api apis " +
      "database databases sql sqlite postgres typescript javascript node module import function functions test " +
      "tests ci endpoint webhook webhooks sdk library package npm git branch merge config typings tooling " +
      "technical snapshot deprecated export",
  ),
  cluster(
    "incident incidents outage alert alerts paging oncall rollback latency dashboard dashboards runbook runbooks " +
      "monitoring uptime deploys deployed timeout",
  ),
  cluster(
    "math calculus algebra limit limits derivative derivatives integral integrals equation equations proof proofs " +
      "theorem sin cos fraction solve graph",
  ),
  cluster(
    "chemistry chemical reaction reactions mole moles molar stoichiometry acid acids base bases ph organic compound " +
      "molecule molecules atom atoms solution",
  ),
  cluster(
    "gardening garden plant plants planting soil compost water watering seed seeds seedling tomato tomatoes kale " +
      "leaf leaves pest pests slug slugs weed weeds fertilizer feed nitrogen prune harvest grow bulbs garlic",
  ),
  cluster(
    "literature book books novel novels author authors chapter chapters character characters plot theme themes " +
      "ending read reading story stories writer wrote spoiler spoilers poem",
  ),
  cluster(
    "spanish grammar vocabulary verb verbs tense conjugation pronunciation pronounce accent word words meaning " +
      "translate usage correct correction corrections sentence",
  ),
  cluster(
    "calendar schedule scheduling rehearsal rehearsals meeting meetings reminder reminders remind date dates " +
      "weekend gig gigs event events availability available slot reschedule appointment meetup meetups",
  ),
  cluster(
    "celebration celebrations celebrate congrats congratulations yay woohoo win milestone shipped launched " +
      "birthday cheer",
  ),
  cluster("joke jokes banter chitchat meme memes funny laugh humor pun silly casual playful"),
  cluster(
    "fundraising round investor investors valuation equity liquidation preference dilution termsheet exclusivity " +
      "clause hiring hire salesperson legal contract pricing",
  ),
  cluster(
    "mortgage mortgages listing listings neighbourhood neighborhood inspection inspections offer offers market " +
      "house home apartment bedroom realtor closing rates",
  ),
  cluster(
    "laptop laptops wifi vpn printer printers email outlook outofoffice software install monitor network " +
      "keyboard update driver disconnecting jammed",
  ),
  cluster(
    "wedding venue vendor vendors florist caterer catering guest guests guestlist headcount seating seat table " +
      "timeline rsvp photographer ceremony reception",
  ),
  cluster(
    "spell spells cast combat attack damage roll dice initiative grapple grappling grappled athletics saving " +
      "condition conditions armor radius creature creatures",
  ),
  cluster(
    "python list lists tuple tuples dict loop loops range index indexerror assignment homework variable string " +
      "exception syntax",
  ),
  cluster(
    "notes summary summaries summarize recap minutes decision decisions decide decided actionitem timeline",
  ),
  cluster(
    "bike bikes repair repairs gear gears brake brakes tyre tyres tire tires chain cog wheel fitting saddle psi",
  ),
  cluster("blocker blockers blocked ticket tickets sprint sprints standup backlog"),
];

/**
 * Tones a message can have (see message-kind) and the prompt words that
 * invite an agent to join in on them.
 */
export const MOOD_WORDS: Readonly<Record<string, string[]>> = {
  celebration: [
    "celebration",
    "celebrations",
    "celebrate",
    "cheer",
    "encourage",
    "encouraging",
    "congratulate",
    "hype",
  ],
  joke: ["joke", "jokes", "banter", "meme", "memes", "funny", "humor", "humour", "playful", "puns"],
  serious: ["serious", "comfort", "empathy", "listen"],
};

/** Signs of excitement: the message is good news or a celebration. */
export const CELEBRATION_EMOJI = new Set(["🎉", "🥳", "🎊", "🍾", "🏆", "🙌", "🎸", "🚀"]);
/** Laughter marks a joke or banter when the message has other content too. */
export const LAUGHTER = new Set([
  "lol",
  "lmao",
  "haha",
  "hahaha",
  "hahahaha",
  "jaja",
  "rofl",
  "😂",
  "🤣",
  "😆",
  "😄",
]);
/** Words of distress: the conversation is serious. */
export const SERIOUS_WORDS = new Set([
  "stressful",
  "stressed",
  "tired",
  "sad",
  "upset",
  "worried",
  "anxious",
  "scared",
  "hurt",
  "sick",
  "hospital",
  "funeral",
  "grief",
  "depressed",
  "lonely",
  "crying",
  "breakup",
  "fired",
  "sorry",
  "struggling",
]);
