// A `fetch` for the server's Turn-taking calls over node:http(s) with a keep-alive agent that
// bounds its sockets. The global fetch opened a connection per concurrent call (150 for 50
// rooms of 3 agents posting at once) and lost them between bursts, and in Next.js it also runs
// through the framework's fetch instrumentation: together a large share of a busy app's CPU.
// Only what the client uses is supported: method, headers, a string body and a signal.

import http from "node:http";
import https from "node:https";

export interface KeepAliveFetchOptions {
  /** sockets per origin: calls beyond it wait for a free one (default 32) */
  maxSockets?: number;
}

export function createKeepAliveFetch(options: KeepAliveFetchOptions = {}): typeof globalThis.fetch {
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
    const url = new URL(input instanceof Request ? input.url : String(input));
    const agent = agents[url.protocol as keyof typeof agents];
    if (!agent) return Promise.reject(new TypeError(`fetch failed: unsupported protocol ${url.protocol}`));
    if (init.body !== undefined && init.body !== null && typeof init.body !== "string")
      return Promise.reject(new TypeError("keep-alive fetch: only string bodies are supported"));
    const body = init.body ?? undefined;
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    const signal = init.signal ?? undefined;

    return new Promise<Response>((resolve, reject) => {
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
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (Array.isArray(value)) for (const v of value) responseHeaders.append(name, v);
            else if (value !== undefined) responseHeaders.set(name, value);
          }
          const status = response.statusCode ?? 0;
          const bytes = Buffer.concat(chunks);
          // A null-body status (204, 304) cannot carry a body in a Response.
          const noBody = status === 204 || status === 304 || bytes.length === 0;
          resolve(
            new Response(noBody ? null : bytes, {
              status,
              statusText: response.statusMessage ?? "",
              headers: responseHeaders,
            }),
          );
        });
      });
      request.end(body);
    });
  };
}
