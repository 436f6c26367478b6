import { describe, expect, it } from "vitest";
import { turnTakingConfigFromEnv } from "./config";

const embedded = { baseUrl: "http://127.0.0.1:3000", apiKey: "ak_embedded" };

describe("turnTakingConfigFromEnv", () => {
  it("is hosted when both the Humalike URL and key are set", () => {
    const env = { HUMALIKE_API_URL: "https://api.humalike.com", HUMALIKE_API_KEY: "ak_hosted" };
    expect(turnTakingConfigFromEnv(env, embedded)).toEqual({
      mode: "hosted",
      baseUrl: "https://api.humalike.com",
      apiKey: "ak_hosted",
    });
  });

  it.each([
    {},
    { HUMALIKE_API_URL: "https://api.humalike.com" },
    { HUMALIKE_API_KEY: "ak_hosted" },
    { HUMALIKE_API_URL: "https://api.humalike.com", HUMALIKE_API_KEY: "" },
  ])("is embedded otherwise (%o)", (env) => {
    expect(turnTakingConfigFromEnv(env, embedded)).toEqual({ mode: "embedded", ...embedded });
  });
});
