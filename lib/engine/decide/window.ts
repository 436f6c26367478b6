// The recent window of the thread: the last few lines (history tail + batch)
// with their addressing, kind, acknowledgement status and topic stems. Each
// is computed on first use, because most factors only look at the last few
// lines; older history only contributes participant names, which keeps a
// decision cheap however long the thread or the batch gets.

import { type AckKind, classifyAcknowledgement } from "./acknowledgements";
import type { Addressing, NameBook } from "./addressing";
import { memoize } from "./memo";
import { classifyMessage, type MessageKind } from "./message-kind";
import { addressingIn } from "./name-books";
import { contentStems, prepareText } from "./relevance";
import type { ChatLine } from "./types";

/** Topic stems of a line's content, once per distinct content. Shared: do not mutate. */
const lineStems = memoize((content: string): ReadonlySet<string> => contentStems(prepareText(content)));

export interface WindowLine {
  readonly line: ChatLine;
  readonly self: boolean;
  /** true for lines of the new batch */
  readonly inBatch: boolean;
  readonly kind: MessageKind;
  readonly addressing: Addressing;
  readonly ack: AckKind | null;
  /** topic stems of the content (see relevance.contentStems) */
  readonly stems: ReadonlySet<string>;
}

class LazyLine implements WindowLine {
  private _kind: MessageKind | undefined;
  private _stems: ReadonlySet<string> | undefined;
  private _addressing: Addressing | undefined;
  private _ack: AckKind | null | undefined;

  constructor(
    private readonly book: NameBook,
    readonly line: ChatLine,
    readonly self: boolean,
    readonly inBatch: boolean,
  ) {}

  get kind(): MessageKind {
    this._kind ??= classifyMessage(this.line.content);
    return this._kind;
  }

  get stems(): ReadonlySet<string> {
    this._stems ??= lineStems(this.line.content);
    return this._stems;
  }

  get addressing(): Addressing {
    this._addressing ??= addressingIn(this.book, this.line.content);
    return this._addressing;
  }

  get ack(): AckKind | null {
    if (this._ack === undefined) {
      const book = this.book;
      const isName = (token: string) =>
        book.participants.has(token) ||
        (book.agent !== null && (book.agent.exact.has(token) || token === book.agent.first));
      this._ack = classifyAcknowledgement(this.line.content, isName);
    }
    return this._ack;
  }
}

export function analyzeLine(book: NameBook, line: ChatLine, self: boolean, inBatch: boolean): WindowLine {
  return new LazyLine(book, line, self, inBatch);
}

/** Addressed to named people, none of them the agent. */
export function addressedElsewhere(w: WindowLine): boolean {
  return (
    w.addressing.toOthers.length > 0 &&
    (w.addressing.toAgent === null || w.addressing.toAgent === "third_person")
  );
}

export function addressedToAgent(w: WindowLine): boolean {
  return w.addressing.toAgent !== null && w.addressing.toAgent !== "third_person";
}
