// Words that carry no topic, the one home for such lists. STOPWORDS: ordinary
// English/chat function words (the decision model's keyword matching);
// PROMPT_META_WORDS: the vocabulary every system prompt uses to talk about
// itself ("you are a helpful assistant in this chat"). The offline model names a
// message's topic with word classes of its own (lib/ai/offline-model/lexicon.ts).

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
