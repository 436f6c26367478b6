// Regrouping sentences into chunks; the splitting itself lives in lib/text/sentences.

/** Regroups consecutive sentences, greedily, into chunks of at most `maxChars` where possible. */
export function packSentences(sentences: string[], maxChars: number): string[] {
  const packed: string[] = [];
  let current = "";
  for (const sentence of sentences) {
    if (current === "") current = sentence;
    else if (current.length + 1 + sentence.length <= maxChars) current = `${current} ${sentence}`;
    else {
      packed.push(current);
      current = sentence;
    }
  }
  if (current !== "") packed.push(current);
  return packed;
}
