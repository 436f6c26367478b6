import { describe, expect, it } from "vitest";
import { extractTopic } from "./topic";

describe("extractTopic", () => {
  it.each([
    ["How should we handle password reset emails?", "password reset emails"],
    ["never mind, it works now", undefined],
    ["I keep getting logged out", "getting logged out"],
    ["Has anyone read Eliot? Is it worth reading?", "Eliot"],
    ["The billing page shows the wrong currency", "the billing page"],
    ["can you help me set up SSO?", "setting up SSO"],
    [
      "Maya, what do you think of the **new onboarding screen**? Draft: https://example.com/onboarding",
      "the onboarding screen",
    ],
    ["see [the release notes](https://example.com/notes) for `v2`", "the release notes"],
    ["What do you think about the new checkout screen?", "the checkout screen"],
    ["I can't log in to the dashboard", "logging in"],
    ["My invoice download keeps failing", "your invoice download"],
    ["Thoughts on caching?", "caching"],
    ["Is Stripe down?", "Stripe"],
    ["Can we ship the SSO setup today?", "the SSO setup"],
  ])("%s → %s", (text, phrase) => {
    expect(extractTopic(text)?.phrase).toBe(phrase);
  });

  it("skips names, mentions and filler", () => {
    expect(extractTopic("Maya, the build is red", ["Sam"])?.words).toEqual(["build", "red"]);
    expect(extractTopic("@Theo can you check the banner?")?.words).toEqual(["banner"]);
    expect(extractTopic("Sam what do you think?", ["Sam"])).toBeNull();
  });
});
