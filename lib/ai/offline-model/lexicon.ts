/**
 * Word classes for the offline model's noun-phrase chunker. Hand-written and small on
 * purpose: anything not listed and not shaped like a verb, adverb or adjective is taken
 * as a noun, so the lists only need the words that would otherwise be mistaken for one.
 */

const words = (text: string) => new Set(text.trim().split(/\s+/));

/** Words that never belong to a topic phrase and end one: articles, pronouns, prepositions, auxiliaries, filler. */
export const FUNCTION_WORDS = words(`
  a an the this that these those my your our their his her its me you him them us we they i he she it
  mine yours ours theirs myself yourself itself ourselves themselves one ones someone something anyone anything
  everyone everything nobody nothing somebody anybody everybody all any some each every both either neither
  no none not nor and or but so yet if then than because as while although though unless until since whether
  of in on at by for with about into onto from to up down out off over under again further once here there
  after before during without within between across through behind around against among toward towards near
  when where why how what which who whom whose whatever whenever wherever
  am is are was were be been being do does did done doing have has had having can could will would shall
  should may might must ought let lets let's i'm you're we're they're it's that's there's here's what's who's
  i've you've we've they've i'd you'd we'd they'd i'll you'll we'll they'll isn't aren't wasn't weren't
  don't doesn't didn't can't cannot couldn't won't wouldn't shouldn't haven't hasn't hadn't mustn't
  hi hey hello yo hiya heya howdy thanks thank thx cheers please pls plz ok okay yes yeah yep nope sure
  lol haha hmm um uh oh ah btw fyi tbh imo idk omg wow aw aww ugh
  just also too very really actually basically literally maybe perhaps probably still already always never
  sometimes often quite pretty rather even only ever almost just soon later now today tomorrow yesterday
  tonight again anyway anyways instead else otherwise though meanwhile
  guys folks everybody people bit lot lots stuff thing things way ways kind sort type types
  time times day days week weeks month months year years morning afternoon evening night well
  question questions answer answers idea ideas thought thoughts opinion opinions take feedback input
  help advice issue issues problem problems trouble bye goodbye byee cya gn
  worth per via like unlike vs versus etc
`);

/** Verbs a person types in chat, in the forms that are not caught by a suffix rule. */
export const VERBS = words(`
  go goes went gone get gets got gotten make makes made take takes took taken give gives gave given
  put puts see sees saw seen say says said tell tells told know knows knew known think thinks thought
  come comes came find finds found keep keeps kept leave leaves left feel feels felt bring brings brought
  begin begins began begun run runs ran show shows shown hear hears heard read reads write writes wrote
  written send sends sent build builds built buy buys bought pay pays paid sit sits sat stand stands stood
  lose loses lost meet meets met set sets try tries want wants need needs use uses work works seem seems
  look looks like likes love loves hate hates help helps ask asks call calls move moves change changes
  fix fixes break breaks broke broken open opens close closes start starts stop stops add adds remove removes
  load loads save saves ship ships push pushes pull pulls merge merges deploy deploys check checks
  update updates upgrade upgrades install installs reset resets click clicks tap taps log logs sign signs
  happen happens mean means wonder guess suppose reckon hope wish prefer agree disagree plan plans
  do does doing keep keeps stay stays become becomes turn turns appear appears display displays return
  returns throw throws fail fails crash crashes hang hangs freeze freezes reload reloads refresh refreshes
  share shares join joins grab grabs order orders eat eats drink drinks play plays watch watches listen
  listens celebrate celebrates review reviews test tests compare compares pick picks choose chooses
  chose chosen decide decides ate eat improve improves handle handles support supports redesign redesigns
  mind minds matter matters care cares count counts sound sounds
  sorted fixed solved resolved worked
`);

/** Verb forms that are also everyday nouns, so they may sit inside a compound ("password reset emails"). */
export const VERB_NOUNS = words(`
  reset build update upgrade log login export import change test review plan order fix check support search
  sign setup release deploy push merge load save share call design
`);

/** Adjectives and adverbs that look like nouns; a topic phrase drops them. */
export const DESCRIPTIVE = words(`
  new old good bad great nice cool fine ok wrong right big small little large huge tiny long short high low
  fast slow quick easy hard simple clean clear cheap safe ready live possible available weird strange odd
  awesome amazing annoying confusing cramped ugly lovely perfect better best worse worst faster slower
  easier harder simpler cleaner nicer main whole same different other another own next last first second
  final current latest early late full missing random certain sure real true false free busy
  several many few much more most less least enough overall main key major minor extra total actual
  super helpful useful collapsible responsive accessible usable readable
  funny serious important urgent quiet loud
`);

/**
 * Fixed expressions whose words must never become a topic ("never mind" is not about a mind).
 * Matched on whole words, case-insensitively, before the chunker runs.
 */
export const IDIOMS = [
  "never mind",
  "nevermind",
  "mind you",
  "don't mind",
  "do you mind",
  "by the way",
  "of course",
  "at least",
  "at all",
  "in fact",
  "no worries",
  "no problem",
  "no idea",
  "all good",
  "all set",
  "kind of",
  "sort of",
  "a lot",
  "for sure",
  "as well",
  "right now",
  "any ideas",
  "any idea",
  "make sense",
  "makes sense",
  "fair enough",
  "good luck",
  "oh well",
  "in general",
  "on it",
  "you know",
  "i mean",
  "heads up",
  "worth it",
  "the hang of",
  "my bad",
  "for now",
  "in a bit",
  "on my end",
  "on my side",
  "on our side",
  "end of the day",
  "at the moment",
  "for a while",
  "what's up",
  "how's it going",
  "good question",
  "good call",
  "my turn",
  "your turn",
  "take care",
  "out of curiosity",
  "just in case",
  "in case",
  "a bit",
  "good job",
  "nice job",
  "great job",
  "well done",
  "nice work",
  "good work",
  "great work",
  "a little",
  "each other",
  "one another",
];

/** Areas a message can be about; the persona's home area gets its expert templates. */
export type Area = "tech" | "design" | "social" | "other";

export const AREA_WORDS: Record<Exclude<Area, "other">, RegExp> = {
  tech: /\b(log ?in|login|logged|logging|sign(ing)? ?in|signin|password|2fa|mfa|sso|auth\w*|account|credentials|billing|invoices?|payments?|card|charged?|refunds?|subscriptions?|currency|prices?|pricing|tax|vat|checkout|errors?|bugs?|crash\w*|server|servers|api|deploy\w*|build|pipeline|ci|database|db|logs?|webhooks?|queue|cache|caching|sync|export|import|upload|download|emails?|notifications?|timeouts?|latency|slow|outage|down|staging|production|config\w*|install\w*|update|upgrade|version|browser|app|dashboard|integration|token|permissions?|settings|backup|data)\b/i,
  design:
    /\b(design\w*|screens?|flows?|layouts?|ux|ui|onboarding|copy|colou?rs?|fonts?|typography|icons?|logo|buttons?|menus?|navigation|nav|sidebar|modal|modals|mockups?|wireframes?|prototypes?|usability|users?|research|personas?|landing|homepage|page|pages|banner|illustrations?|brand\w*|spacing|dark mode|accessib\w*|a11y|checklist|form|forms|empty state|avatar)\b/i,
  social:
    /\b(lunch|dinner|breakfast|coffee|tea|drinks?|beer|pizza|tacos?|snacks?|cake|party|parties|games?|quiz|trivia|music|playlist|songs?|movies?|films?|books?|reading|weekend|holiday|vacation|trip|birthday|celebrat\w*|offsite|karaoke|bowling|football|soccer|sport\w*|jokes?|memes?|pets?|dogs?|cats?|fun|friday|hike|picnic|poetry|poem|novel|eliot|shakespeare)\b/i,
};
