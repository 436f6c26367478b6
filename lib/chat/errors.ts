import type { ChatErrorBody } from "./types";

/** The app's one error type: `kind:surface` codes mapped to a status and what the user sees. */
export class ChatError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    /** For 429: seconds until the caller may try again (sent as Retry-After). */
    readonly retryAfterS?: number,
  ) {
    super(message);
  }

  toBody(): ChatErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) },
    };
  }
}

export const unauthorized = () => new ChatError(401, "unauthorized:session", "Sign in to continue.");
export const notFound = (what = "room") =>
  new ChatError(404, `not_found:${what}`, `That ${what} does not exist or you are not in it.`);
export const forbidden = (what: string, message: string) => new ChatError(403, `forbidden:${what}`, message);
export const badRequest = (message: string, fields?: Record<string, string>) =>
  new ChatError(422, "bad_request:input", message, fields);
export const rateLimited = (retryAfterS: number, surface = "message", who = "You're") =>
  new ChatError(
    429,
    `rate_limit:${surface}`,
    `${who} sending messages too fast. Try again in ${retryAfterS} s.`,
    undefined,
    retryAfterS,
  );

export const budgetExhausted = (surface: "room" | "account", budget: number, retryAfterS: number) =>
  new ChatError(
    429,
    `budget:${surface}`,
    `${surface === "room" ? "This room" : "Your account"} has used its ${budget} Turn-taking credits for this hour, so the agents cannot answer now. Try again in ${Math.ceil(retryAfterS / 60)} min.`,
    undefined,
    retryAfterS,
  );
