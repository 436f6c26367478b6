// Every batch of a thread rebuilds the same name book from the same senders and
// reads the same recent lines against it again. Sharing one book per distinct
// (agent, senders) lets the book remember how it read each line, so a line's
// addressing is worked out once per thread rather than once per decision.
// Invisible in results: a book is a pure function of its key, and addressing a
// pure function of the book and the text.

import { LruMap } from "../../collections/lru-map";
import { memoize } from "../../text/memoize";
import { type Addressing, analyzeAddressing, buildNameBook, type NameBook } from "./addressing";

/** Distinct (agent, senders) combinations kept; roughly one per active thread. */
const BOOKS = 1024;
/** Lines remembered per book: the recent window of its thread, with room to spare. */
const LINES_PER_BOOK = 64;

const books = new LruMap<string, NameBook>(BOOKS);
const readers = new WeakMap<NameBook, (content: string) => Addressing>();

/** The name book for this agent and these senders (in order of first appearance: it decides ties). */
export function nameBookFor(agentName: string | null, senders: Iterable<string>): NameBook {
  // Length-prefixed, so no sender name can pass for two.
  let key = agentName === null ? "-" : `${agentName.length}:${agentName}`;
  for (const sender of senders) key += `${sender.length}:${sender}`;
  let book = books.get(key);
  if (!book) {
    book = buildNameBook(agentName, senders);
    books.set(key, book);
  }
  return book;
}

/** How `content` is addressed in `book`'s thread. Shared between decisions: do not mutate. */
export function addressingIn(book: NameBook, content: string): Addressing {
  let read = readers.get(book);
  if (!read) {
    read = memoize((text: string) => analyzeAddressing(book, text), LINES_PER_BOOK);
    readers.set(book, read);
  }
  return read(content);
}
