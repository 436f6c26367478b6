// Every weight of the rule model in one place. The decision is
// sigmoid(sum of weights); the agent speaks when the sum is >= 0, i.e. the
// score is >= 0.5. Positive weights pull towards speaking.

export const WEIGHTS = {
  /** Group-chat default: most messages are not for the agent. */
  base: -1.5,

  addressedByMention: 5,
  addressedByReplyConvention: 5,
  addressedByName: 5,
  addressedByNickname: 4,
  nameMentioned: 0.8,
  addressedToOther: -3.5,
  replyInExchange: -2,
  sideConversation: -1.2,

  openQuestion: 1,
  request: 1,
  problemReport: 0.9,
  intent: 0.5,
  socialBid: 0.6,
  rollCall: -0.8,
  /** cost of answering an earlier open question rather than the newest line */
  pendingInterruption: -0.5,
  alreadyAnswered: -2.5,

  /** per unit of keyword score, capped */
  relevancePerPoint: 1.1,
  relevanceCap: 2.4,
  /** plain statements need relevance to matter much less than questions do */
  statementRelevanceScale: 0.65,
  /** lines just before the focus count at this fraction */
  contextRelevanceScale: 0.5,
  avoidTopic: -1.3,
  avoidTopicCap: -2.6,

  onlyWhenAddressed: -6,
  proactiveOpen: 0.8,
  proactiveScoped: 0.9,
  quietChatter: -1.5,
  quietSideChatter: -1.5,

  acknowledgement: -4.5,
  greeting: -2.5,
  resolved: -3.5,

  followUp: 2.5,
  replyToAgent: 0.8,
  followUpQuestion: 1.5,
  dominancePerShare: -5,
  dominanceFreeShare: 0.3,

  typingSender: -2.5,
  typingOther: -0.8,
  burstInProgress: -2.5,
  incompleteMessage: -2,
  ownMessage: -10,
} as const;

/** Lines considered "recent" for dominance, follow-ups and side conversations. */
export const WINDOW = 10;
/** Max gap between two lines of one burst. */
export const BURST_GAP_MS = 8_000;
