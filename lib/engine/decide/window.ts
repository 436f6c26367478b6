// The recent window of the thread: the last few lines (history tail + batch)
// with their addressing, kind, acknowledgement status and topic stems. Each
// is computed on first use, because most factors only look at the last few
// lines; older history only contributes participant names, which keeps a
// decision cheap however long the thread or the batch gets.

import { memoize } from "../../text/memoize";
import { type AckKind, classifyAcknowledgement } from "./acknowledgements";
import type { Addressing, NameBook } from "./addressing";
import { classifyMessage, type MessageKind } from "./message-kind";
import { addMoodStems } from "./mood";
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
  /** the topic stems followed by the mood stems of the line's tone (see mood.ts) */
  readonly topicAndMood: ReadonlySet<string>;
}

/**
 * What is known about one line, kept with the line object: a thread's lines are read
 * by every decision while they stay in its window, and by the re-weighing of an open
 * question. Addressing and acknowledgement depend on the names in the thread, so they
 * are kept with the book they were read with.
 */
interface LineAnalysis {
  readonly content: string;
  kind?: MessageKind;
  stems?: ReadonlySet<string>;
  topicAndMood?: ReadonlySet<string>;
  book?: NameBook;
  addressing?: Addressing;
  ack?: AckKind | null;
}

const analyses = new WeakMap<ChatLine, LineAnalysis>();

function analysisOf(line: ChatLine): LineAnalysis {
  const known = analyses.get(line);
  // A caller that rewrote a line's text gets it read again.
  if (known && known.content === line.content) return known;
  const fresh: LineAnalysis = { content: line.content };
  analyses.set(line, fresh);
  return fresh;
}

function isNameIn(book: NameBook, token: string): boolean {
  return (
    book.participants.has(token) ||
    (book.agent !== null && (book.agent.exact.has(token) || token === book.agent.first))
  );
}

class LazyLine implements WindowLine {
  private readonly analysis: LineAnalysis;

  constructor(
    private readonly book: NameBook,
    readonly line: ChatLine,
    readonly self: boolean,
    readonly inBatch: boolean,
  ) {
    this.analysis = analysisOf(line);
  }

  get kind(): MessageKind {
    const a = this.analysis;
    a.kind ??= classifyMessage(a.content);
    return a.kind;
  }

  get stems(): ReadonlySet<string> {
    const a = this.analysis;
    a.stems ??= lineStems(a.content);
    return a.stems;
  }

  get topicAndMood(): ReadonlySet<string> {
    const a = this.analysis;
    if (!a.topicAndMood) {
      const all = new Set(this.stems);
      addMoodStems(this.kind, all);
      a.topicAndMood = all;
    }
    return a.topicAndMood;
  }

  /** The analysis, with what was read against another thread's names dropped. */
  private withBook(): LineAnalysis {
    const a = this.analysis;
    if (a.book !== this.book) {
      a.book = this.book;
      a.addressing = undefined;
      a.ack = undefined;
    }
    return a;
  }

  get addressing(): Addressing {
    const a = this.withBook();
    a.addressing ??= addressingIn(this.book, a.content);
    return a.addressing;
  }

  get ack(): AckKind | null {
    const a = this.withBook();
    if (a.ack === undefined) {
      const book = this.book;
      a.ack = classifyAcknowledgement(a.content, (token) => isNameIn(book, token));
    }
    return a.ack;
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
