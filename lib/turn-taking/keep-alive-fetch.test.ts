import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTurnTakingClient } from "./client";
import { TurnTakingError } from "./errors";
import { createKeepAliveFetch } from "./keep-alive-fetch";

// A real server on a real socket: what is under test is what goes over the wire.

let server: Server;
let base: string;
let inFlight = 0;
let mostInFlight = 0;
const ports: number[] = [];

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    ports.push(req.socket.remotePort ?? 0);
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://x");
    const wait = Number(url.searchParams.get("wait") ?? 0);
    await new Promise((r) => setTimeout(r, wait));
    inFlight -= 1;
    if (url.pathname === "/empty") {
      res.writeHead(204).end();
      return;
    }
    res.setHeader("set-cookie", ["a=1", "b=2"]);
    res.writeHead(url.pathname === "/missing" ? 404 : 200, {
      "content-type": "application/json",
      "x-request-id": "req_1",
    });
    res.end(
      JSON.stringify({
        method: req.method,
        body,
        length: req.headers["content-length"],
        auth: req.headers.authorization,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("createKeepAliveFetch", () => {
  it("sends the method, headers and body, and answers with status, headers and text", async () => {
    const fetch = createKeepAliveFetch();
    const res = await fetch(`${base}/echo`, {
      method: "POST",
      headers: { authorization: "Bearer k", "content-type": "application/json" },
      body: '{"hé":1}',
    });
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.headers.get("x-request-id")).toBe("req_1");
    expect(res.headers.get("set-cookie")).toBe("a=1, b=2");
    // Content-Length counts bytes, not characters.
    expect(JSON.parse(await res.text())).toEqual({
      method: "POST",
      body: '{"hé":1}',
      length: "9",
      auth: "Bearer k",
    });
    const missing = await fetch(`${base}/missing`, { method: "POST", body: "" });
    expect([missing.status, missing.ok]).toEqual([404, false]);
    const empty = await fetch(`${base}/empty`);
    expect([empty.status, await empty.text()]).toEqual([204, ""]);
  });

  it("reuses its sockets between calls and keeps no more open than asked", async () => {
    const fetch = createKeepAliveFetch({ maxSockets: 2 });
    ports.length = 0;
    for (let i = 0; i < 3; i++) await (await fetch(`${base}/echo`, { method: "POST", body: "x" })).text();
    expect(new Set(ports).size).toBe(1);
    mostInFlight = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () =>
        (await fetch(`${base}/echo?wait=20`, { method: "POST", body: "x" })).text(),
      ),
    );
    expect(mostInFlight).toBe(2);
  });

  it("fails as the global fetch does: aborted by the signal, or TypeError with the socket error as cause", async () => {
    const fetch = createKeepAliveFetch();
    const aborted = await fetch(`${base}/echo?wait=500`, { signal: AbortSignal.timeout(30) }).catch((e) => e);
    expect((aborted as Error).name).toBe("TimeoutError");
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = (await fetch(`http://127.0.0.1:${port}/`).catch((e) => e)) as TypeError;
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused.cause as { code?: string }).code).toBe("ECONNREFUSED");
  });

  it("serves the Turn-taking client: a refused connection is a retryable NETWORK_ERROR, a slow one a TIMEOUT", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const fetch = createKeepAliveFetch();
    const refused = await createTurnTakingClient({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: "k",
      retries: 1,
      backoffMs: 5,
      fetch,
    })
      .whoami()
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TurnTakingError);
    expect(refused).toMatchObject({ code: "NETWORK_ERROR", retryable: true, attempts: 2 });
    const slow = await createTurnTakingClient({
      baseUrl: `${base}/echo?wait=300#`,
      apiKey: "k",
      timeoutMs: 40,
      fetch,
    })
      .whoami()
      .catch((e: unknown) => e);
    expect(slow).toMatchObject({ code: "TIMEOUT" });
  });
});
