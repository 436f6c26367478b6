import type { ChatErrorBody } from "@/lib/chat/types";

/** A failed chat route call, carrying the server's error body. */
export class ChatApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = "ChatApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

function isErrorBody(value: unknown): value is ChatErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

/**
 * JSON fetch against the chat route handlers. Resolves with the parsed body (undefined for 204) and
 * rejects with a ChatApiError whose message is fit to show to people.
 */
export async function chatFetch<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const method = (rest.method ?? "GET").toUpperCase();
  // The server refuses writes that are not JSON (cross-site protection), bodiless ones included.
  const isWrite = method !== "GET" && method !== "HEAD";
  let response: Response;
  try {
    response = await fetch(url, {
      ...rest,
      headers: json === undefined && !isWrite ? headers : { "content-type": "application/json", ...headers },
      body: json === undefined ? rest.body : JSON.stringify(json),
    });
  } catch {
    throw new ChatApiError(0, "network", "Could not reach the server. Check your connection and try again.");
  }
  if (response.status === 204) return undefined as T;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    if (isErrorBody(body)) {
      throw new ChatApiError(response.status, body.error.code, body.error.message, body.error.fields);
    }
    throw new ChatApiError(response.status, "http", `The server answered ${response.status}. Try again.`);
  }
  return body as T;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Try again.";
}

export const roomUrl = (roomId: string, suffix = "") => `/api/rooms/${encodeURIComponent(roomId)}${suffix}`;

export const isOfflineModel = (modelId: string) => modelId.startsWith("offline:");
