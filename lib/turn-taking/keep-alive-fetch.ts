// A `fetch` for the server's Turn-taking calls over node:http(s) with a keep-alive agent that
// bounds its sockets. The global fetch opened a connection per concurrent call (150 for 50
// rooms of 3 agents posting at once) and lost them between bursts, and in Next.js it also runs
// through the framework's fetch instrumentation: together a large share of a busy app's CPU.
// Only what the client uses is supported: method, headers, a string body and a signal, and a
// response of status, headers and the body as text.

import http from "node:http";
import https from "node:https";
import type { TurnTakingFetchResponse } from "./client";

export interface KeepAliveFetchOptions {
  /** sockets per origin: calls beyond it wait for a free one (default 32) */
  maxSockets?: number;
}

export interface KeepAliveInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/**
 * Answers with what the client reads of a Response, over a body already read whole: building a
 * Response (headers, a web stream for the body, reading it back) was 35–45 % of the CPU a call
 * cost the app.
 */
export type KeepAliveFetch = (url: string, init?: KeepAliveInit) => Promise<TurnTakingFetchResponse>;

export function createKeepAliveFetch(options: KeepAliveFetchOptions = {}): KeepAliveFetch {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? 32,
    scheduling: "lifo" as const,
    // An idle socket is closed here after 30 s, before a server's keep-alive timeout (the engine's
    // is 65 s) can close it under a call that is just reusing it.
    timeout: 30_000,
  };
  const agents = { "http:": new http.Agent(agentOptions), "https:": new https.Agent(agentOptions) };

  return (input, init = {}) => {
    const url = new URL(input);
    const agent = agents[url.protocol as keyof typeof agents];
    if (!agent) return Promise.reject(new TypeError(`fetch failed: unsupported protocol ${url.protocol}`));
    const body = init.body;
    const headers: Record<string, string> = { ...init.headers };
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    const signal = init.signal;

    return new Promise<TurnTakingFetchResponse>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const request = (url.protocol === "https:" ? https : http).request(url, {
        method: init.method ?? "GET",
        headers,
        agent,
      });
      const onAbort = () =>
        request.destroy(signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
      signal?.addEventListener("abort", onAbort, { once: true });
      const done = () => signal?.removeEventListener("abort", onAbort);
      // As undici does: a socket error surfaces as TypeError("fetch failed") with the error as cause.
      request.once("error", (error) => {
        done();
        reject(signal?.aborted ? signal.reason : new TypeError("fetch failed", { cause: error }));
      });
      request.once("response", (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.once("error", (error) => {
          done();
          reject(signal?.aborted ? signal.reason : new TypeError("fetch failed", { cause: error }));
        });
        response.once("end", () => {
          done();
          const status = response.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({
            status,
            ok: status >= 200 && status < 300,
            headers: {
              // As Headers.get: a repeated header's values joined with ", ".
              get: (name) => {
                const value = response.headers[name.toLowerCase()];
                return Array.isArray(value) ? value.join(", ") : (value ?? null);
              },
            },
            text: async () => text,
          });
        });
      });
      request.end(body);
    });
  };
}
