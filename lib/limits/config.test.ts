import { describe, expect, it } from "vitest";
import { limitsConfig } from "./config";

describe("limitsConfig", () => {
  it("defaults to eight agents a room and hourly credit budgets", () => {
    const c = limitsConfig({});
    expect(c.maxAgentsPerRoom).toBe(8);
    expect(c.roomCreditsPerHour).toBeGreaterThan(0);
    expect(c.signInWindowMs).toBe(900_000);
  });

  it("reads overrides and refuses nonsense", () => {
    expect(limitsConfig({ CHAT_MAX_AGENTS_PER_ROOM: "3" }).maxAgentsPerRoom).toBe(3);
    expect(limitsConfig({ CHAT_MAX_AGENTS_PER_ROOM: "" }).maxAgentsPerRoom).toBe(8);
    expect(() => limitsConfig({ CHAT_MAX_AGENTS_PER_ROOM: "-1" })).toThrow();
  });
});
