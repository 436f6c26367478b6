/** Hosted when both the Humalike URL and key are configured; the embedded engine otherwise. */
export function turnTakingMode(env: NodeJS.ProcessEnv = process.env): "hosted" | "embedded" {
  return env.HUMALIKE_API_URL && env.HUMALIKE_API_KEY ? "hosted" : "embedded";
}
