// What every factor function receives: the analysed decision and a way to
// record a named feature. A factor records a value (1 for "present", or a
// measured amount); the learned weight of that name turns it into a
// contribution to the decision (value × weight).

import type { NameBook } from "../addressing";
import type { DecisionFacts } from "../facts";
import type { PromptProfile } from "../relevance";
import type { DecisionInput } from "../types";
import type { WindowLine } from "../window";

export interface FactorContext {
  input: DecisionInput;
  agentName: string | null;
  book: NameBook;
  window: WindowLine[];
  focusIndex: number;
  focus: WindowLine;
  profile: PromptProfile;
  facts: DecisionFacts;
  /** record a feature; zero values are dropped */
  add(factor: string, value: number, detail?: string): void;
}
