// Which Turn-taking service the server talks to. The same client serves both, so the embedded
// mode exercises exactly the code path the hosted mode does.

export type TurnTakingMode = "hosted" | "embedded";

export interface TurnTakingConfig {
  mode: TurnTakingMode;
  baseUrl: string;
  apiKey: string;
}

/**
 * Hosted when both `HUMALIKE_API_URL` and `HUMALIKE_API_KEY` are set (non-empty, the same rule as
 * lib/config/mode.ts); otherwise the embedded engine's own base URL and key, passed in by the
 * caller because only the server process knows them.
 */
export function turnTakingConfigFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  embedded: { baseUrl: string; apiKey: string },
): TurnTakingConfig {
  const baseUrl = env.HUMALIKE_API_URL;
  const apiKey = env.HUMALIKE_API_KEY;
  if (baseUrl && apiKey) return { mode: "hosted", baseUrl, apiKey };
  return { mode: "embedded", baseUrl: embedded.baseUrl, apiKey: embedded.apiKey };
}
