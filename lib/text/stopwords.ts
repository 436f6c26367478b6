// Words that carry no topic, the one home for such lists. STOPWORDS: ordinary
// English/chat function words (the decision model's keyword matching);
// PROMPT_META_WORDS: the vocabulary every system prompt uses to talk about
// itself ("you are a helpful assistant in this chat"); TOPIC_STOPWORDS: the
// wider list the offline model drops when it names a message's topic.

export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all almost also am an and any anyone anybody anything are aren't as at be because been " +
    "before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't done down " +
    "during each either else even ever every everyone everybody everything few for from further get gets getting got had " +
    "hadn't has hasn't have haven't having he he's her here here's hers herself him himself his how how's i i'd i'll i'm i've " +
    "if in into is isn't it it's its itself just let let's like lot lots made make makes many may maybe me might mine more most " +
    "much must my myself need needs no nor not now of off often oh ok okay on once one only or other others our ours " +
    "ourselves out over own per please pls quite rather really same say says see seem shall she she's should shouldn't so " +
    "some someone somebody something still such sure than that that's the their theirs them themselves then there there's " +
    "these they they'd they'll they're they've thing things this those though through to too under until up upon us use " +
    "used very via want wants was wasn't way we we'd we'll we're we've well were weren't what what's whats when when's where " +
    "where's whether which while who who's whom whose why why's will with within without won't would wouldn't yeah yes yet " +
    "you you'd you'll you're you've your yours yourself yourselves " +
    "hi hey hello yo lol haha hahaha lmao omg ya yep yup nope nah ty thx thanks thank u ur im dont cant wont idk imo tbh btw " +
    "anyway anyways actually basically literally kinda sorta gonna wanna gotta guys folks y'all everyone's ah ahh ooh oops hmm " +
    "know think thought go going went come came take took look looks looked put give gave tell told try tried keep kept " +
    "good great nice cool new old big small little last next first second time times day days today tonight tomorrow " +
    "yesterday week weeks now back again already soon still right left change changes changed changing"
  ).split(/\s+/),
);

/** Words system prompts use about the agent itself; never topic keywords. */
export const PROMPT_META_WORDS: ReadonlySet<string> = new Set(
  (
    "you you're your yourself name named assistant assistants helper helpers help helps helping helpful bot ai agent " +
    "model chat chats group groups channel channels room rooms conversation conversations discussion thread threads " +
    "message messages reply replies respond responds response answer answers answering question questions ask asks " +
    "asked asking speak speaks speaking talk talks talking say write people person someone somebody user users member " +
    "members everyone human humans team teammate teammates friendly concise short brief clear warm patient practical " +
    "polite kind keep always never only when whenever unless directly addressed address addresses mentioned " +
    "mention tagged called pinged step useful possible quickly moving care cares handle handles track tracks know knows " +
    "role job task tasks work working suggest suggests give input feedback thoughtful support supports"
  ).split(/\s+/),
);

/**
 * For naming what a message is about (the offline model's topic phrases): function words, chat filler,
 * intent words, generic verbs and adjectives, none of which say what a message is about.
 */
export const TOPIC_STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any anyone anything are aren't around as at be because
  been before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing
  don't down during each else even ever every everyone everything few for from further had hadn't has hasn't have
  haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if
  in into is isn't it it's its itself just let let's lets me more most much must mustn't my myself no nor not now
  of off on once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should
  shouldn't so some someone something such than that that's the their theirs them themselves then there there's
  these they they'd they'll they're they've this those through to too under until up upon us very was wasn't we
  we'd we'll we're we've were weren't what what's whatever when when's where where's whether which while who
  who's whom whose why why's will with won't would wouldn't yet you you'd you'll you're you've your yours
  yourself yourselves hi hey hello yo hiya heya howdy thanks thank thx cheers please pls plz ok okay yes yeah yep
  nope sure cool great nice lol haha hmm um uh oh ah btw fyi really actually basically literally maybe perhaps
  probably still already always never sometimes often quite pretty kind sort bit lot lots stuff thing things way
  ways guys folks team everybody somebody anybody people one ones today tomorrow yesterday tonight now soon later
  help helping helped think thinking thought thoughts opinion opinions feel feeling idea ideas question questions
  answer know knows knew want wants wanted need needs needed get gets got getting make makes made making use
  used using try tries tried trying look looks looking looked see saw seen seeing go goes going went gone come
  comes came coming take takes took give gives gave put puts keep keeps say says said tell told seem seems
  happen happens happened mean means work works worked working does done doing able unable new old good bad
  better best worse worst big small little right wrong fine last next first time times day days week weeks
  anyone's everyone's someone's morning afternoon evening night again also whats hows prefer like likes liked
  love loves hate hates wonder wondering guess suppose reckon anyway stuck broken issue issues problem problems
  trouble keeps keep appreciate appreciated sorry fix fixed feels felt looks seems seemed sounds sounded
  check checked checking faster slower easier harder quicker simpler cleaner clearer nicer
  cheaper safer fast slow easy hard quick simple clean clear cheap safe ready live possible available weird
  strange awesome amazing annoying confusing cramped ugly lovely perfect exactly totally definitely shows show showed shown says returns throws displays
  shipped released launched deployed merged pushed added removed changed updated moved finished started opened
  closed created deleted sent built wrote found tested become becomes became stays stayed gives getting goes wants needs anyone's`.split(
    /\s+/,
  ),
);
