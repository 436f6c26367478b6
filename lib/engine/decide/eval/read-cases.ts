// Streams labelled decisions from a file in the eval format (see
// scenarios/load.ts), one line at a time, so files of hundreds of MB run in
// bounded memory. `.gz` files are decompressed on the fly.

import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { parseScenarioLine, type Scenario } from "./scenarios/load";

export async function* readCases(path: string): AsyncGenerator<Scenario> {
  const file = createReadStream(path);
  const input = path.endsWith(".gz") ? file.pipe(createGunzip()) : file;
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  try {
    for await (const raw of lines) {
      n += 1;
      const line = raw.trim();
      if (line) yield parseScenarioLine(line, path, n);
    }
  } finally {
    lines.close();
    file.destroy();
  }
}
