// What every factor function receives: the analysed decision and a way to
// record a named weight.

import type { NameBook } from "../addressing";
import type { DecisionFacts } from "../facts";
import type { PromptProfile } from "../relevance";
import type { DecisionInput } from "../types";
import type { WEIGHTS } from "../weights";
import type { WindowLine } from "../window";

export type Weights = { [K in keyof typeof WEIGHTS]: number };

export interface FactorContext {
  input: DecisionInput;
  agentName: string | null;
  book: NameBook;
  window: WindowLine[];
  focusIndex: number;
  focus: WindowLine;
  profile: PromptProfile;
  facts: DecisionFacts;
  weights: Weights;
  /** record a factor; zero weights are dropped */
  add(factor: string, weight: number, detail?: string): void;
}
