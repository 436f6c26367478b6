import { Agent, request } from "node:http";

const agent = new Agent({ keepAlive: true, maxSockets: 1024 });

/** One keep-alive POST with a JSON body; resolves with status and parsed body. */
export function postJson(
  port: number,
  path: string,
  body: unknown,
  key?: string,
): Promise<{ status: number; body: any }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(text),
          ...(key ? { authorization: `Bearer ${key}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          resolve({ status: res.statusCode ?? 0, body: raw ? JSON.parse(raw) : null });
        });
      },
    );
    req.on("error", reject);
    req.end(text);
  });
}

/**
 * `clients` concurrent loops, each issuing requests back to back for `durationMs`.
 * Returns per-request latencies (ms) and throughput (requests/s).
 */
export async function closedLoop(
  clients: number,
  durationMs: number,
  makeClient: (index: number) => Promise<() => Promise<void>>,
): Promise<{ latencies: number[]; throughput: number; errors: number }> {
  const loops = await Promise.all(Array.from({ length: clients }, (_, i) => makeClient(i)));
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + durationMs;
  await Promise.all(
    loops.map(async (once) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await once();
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = performance.now() - start;
  return { latencies, throughput: (latencies.length / elapsed) * 1000, errors };
}
