// The recent window of the thread, analysed once per decision: the last few
// lines (history tail + batch) with their addressing, kind and
// acknowledgement status. Older history only contributes participant names,
// which keeps a decision cheap however long the thread gets.

import { type AckKind, classifyAcknowledgement } from "./acknowledgements";
import { type Addressing, analyzeAddressing, type NameBook } from "./addressing";
import { classifyMessage, type MessageKind } from "./message-kind";
import type { ChatLine } from "./types";

export interface WindowLine {
  line: ChatLine;
  self: boolean;
  /** true for lines of the new batch */
  inBatch: boolean;
  kind: MessageKind;
  addressing: Addressing;
  ack: AckKind | null;
}

export function analyzeLine(book: NameBook, line: ChatLine, self: boolean, inBatch: boolean): WindowLine {
  const addressing = analyzeAddressing(book, line.content);
  const isName = (token: string) =>
    book.participants.has(token) || (book.agent !== null && book.agent.exact.has(token)) || token === book.agent?.first;
  return {
    line,
    self,
    inBatch,
    kind: classifyMessage(line.content),
    addressing,
    ack: classifyAcknowledgement(line.content, isName),
  };
}

/** Addressed to named people, none of them the agent. */
export function addressedElsewhere(w: WindowLine): boolean {
  return w.addressing.toOthers.length > 0 && (w.addressing.toAgent === null || w.addressing.toAgent === "third_person");
}

export function addressedToAgent(w: WindowLine): boolean {
  return w.addressing.toAgent !== null && w.addressing.toAgent !== "third_person";
}
