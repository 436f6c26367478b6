// Shape limits of a naturalized reply, taken from the `respond` contract
// (1–5 bubbles, each at most as long as a draft may be).
export const MAX_BUBBLES = 5;
export const MAX_BUBBLE_CHARS = 4000;

// A paragraph longer than this reads as a wall of text in a chat, so it is
// split into sentences; shorter ones stay a single bubble.
export const LONG_BLOCK_CHARS = 180;

// Sentences of a long paragraph are regrouped up to this size so a reply does
// not turn into a burst of one-line bubbles.
export const SENTENCE_PACK_CHARS = 140;

// Pieces with fewer words than this ("Ok.", "Sure thing.") join a neighbour.
export const MIN_BUBBLE_WORDS = 3;

// Budget for the model rewrite before the deterministic split takes over.
export const DEFAULT_REWRITE_TIMEOUT_MS = 4000;
