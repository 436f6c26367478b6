// A response body written from an async generator of text, pulled as the client reads: a
// large export holds one page of rows in memory, never the whole room.

const encoder = new TextEncoder();

export function textStream(chunks: AsyncGenerator<string>, label: string): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // Headers are gone by now: the download ends short, and the log says why.
        console.error(`${label} failed while streaming:`, error);
        controller.error(new Error(`${label} failed`));
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** Rows of a query read a page at a time, after the cursor of the last row read. */
export async function* paged<T, C>(
  read: (cursor: C | null) => Promise<T[]>,
  cursorOf: (row: T) => C,
): AsyncGenerator<T> {
  let cursor: C | null = null;
  for (;;) {
    const rows = await read(cursor);
    for (const row of rows) yield row;
    const last = rows.at(-1);
    if (!last) return;
    cursor = cursorOf(last);
  }
}

/** `Content-Disposition` for a download: an ASCII fallback name plus the UTF-8 one. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\w.-]+/g, "-");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
