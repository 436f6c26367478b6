// A deliberately small suffix stripper (not Porter): enough to make
// "charged"/"charges"/"charge", "designer"/"design" and "logging"/"log" meet,
// cheap enough to run on every token of every decision.

import { memoize } from "../../text/memoize";

const VOWEL = /[aeiouy]/;

function undouble(word: string): string {
  // "runn" -> "run", "logg" -> "log"; keep "ll"/"ss"/"zz" ("fall", "pass").
  const n = word.length;
  if (n >= 4 && word[n - 1] === word[n - 2] && !"lsz".includes(word[n - 1] ?? "")) return word.slice(0, -1);
  return word;
}

/** A few irregular forms that matter in chat ("I ran my first 5k", "we paid"). */
const IRREGULAR: Readonly<Record<string, string>> = {
  ran: "run",
  paid: "pay",
  wrote: "writ",
  written: "writ",
  bought: "buy",
  sold: "sell",
  spent: "spend",
  broke: "break",
  broken: "break",
  sent: "send",
  built: "build",
  flew: "fly",
  drove: "driv",
  ate: "eat",
  cooked: "cook",
  taught: "teach",
  lost: "los",
  won: "win",
};

export const stem: (token: string) => string = memoize(stemWord, 16_384);

function stemWord(token: string): string {
  const irregular = IRREGULAR[token];
  if (irregular) return irregular;
  let w = token;
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("ied") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ing") && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith("ed") && w.length > 4 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is") && w.length > 3)
    w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith("ment")) w = w.slice(0, -4);
  else if (w.length > 6 && w.endsWith("ness")) w = w.slice(0, -4);
  else if (w.length > 5 && w.endsWith("ly")) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith("er")) w = undouble(w.slice(0, -2));
  else if (w.length > 6 && w.endsWith("ation")) w = w.slice(0, -5);
  else if (w.length > 5 && w.endsWith("ion")) w = w.slice(0, -3);
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}
