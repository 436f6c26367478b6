import WebSocket from "ws";

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export function apiClient(baseUrl: string, key: string | null) {
  return async function call<T = Record<string, unknown>>(
    path: string,
    body: unknown = {},
    init: { method?: string; headers?: Record<string, string>; raw?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { "content-type": "application/json", ...init.headers };
    if (key) headers.authorization = `Bearer ${key}`;
    const res = await fetch(`${baseUrl}${path}`, {
      method: init.method ?? "POST",
      headers,
      body: init.method === "GET" ? undefined : (init.raw ?? JSON.stringify(body)),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
  };
}

export const action = (verb: string) => `/v1/turn-taking/actions/${verb}`;

export interface Frame {
  type: string;
  id?: string;
  ts?: string;
  channel?: string;
  data?: Record<string, unknown>;
  server_time?: string;
  receivedAt: number;
}

/** Opens a socket and records every frame with its arrival time. */
export async function openSocket(url: string) {
  const socket = new WebSocket(url);
  const frames: Frame[] = [];
  let closeCode: number | null = null;
  socket.on("message", (data) => frames.push({ ...JSON.parse(String(data)), receivedAt: Date.now() }));
  const closed = new Promise<number>((resolve) =>
    socket.on("close", (code) => {
      closeCode = code;
      resolve(code);
    }),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return {
    socket,
    frames,
    closed,
    get closeCode() {
      return closeCode;
    },
    async waitFor(predicate: (frames: Frame[]) => boolean, timeoutMs = 15_000): Promise<Frame[]> {
      const start = Date.now();
      while (!predicate(frames)) {
        if (Date.now() - start > timeoutMs) throw new Error(`timed out; frames: ${JSON.stringify(frames)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return frames;
    },
    close: () => socket.close(),
  };
}
