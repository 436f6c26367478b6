import { describe, expect, it } from "vitest";
import { agentSystemPrompt } from "../prompts";
import { extractPersona } from "./persona";

describe("extractPersona", () => {
  it("reads name, role, family, tone and expertise from our system prompt", () => {
    const persona = extractPersona(
      agentSystemPrompt({
        name: "Maya",
        persona: "Support engineer. Friendly, concise. Expertise: SSO, billing and webhooks.",
        roomName: "Ops",
        otherParticipants: ["Sam", "Priya"],
      }),
    );
    expect(persona).toEqual({
      name: "Maya",
      role: "support engineer",
      family: "support",
      tones: ["concise", "friendly"],
      expertise: ["sso", "billing", "webhooks"],
      participants: ["Sam", "Priya"],
    });
  });

  it("reads free-form prompts", () => {
    const persona = extractPersona(
      "You are Theo, a senior product designer at Acme. You are formal and calm.",
    );
    expect(persona.name).toBe("Theo");
    expect(persona.role).toBe("senior product designer");
    expect(persona.family).toBe("design");
    expect(persona.tones).toEqual(["formal", "calm"]);
  });

  it("classifies by the role's head noun, then by the whole profile", () => {
    expect(extractPersona("You are Ro, a playful support engineer.").family).toBe("support");
    expect(extractPersona("You are Pip, a playful teammate.").family).toBe("playful");
    expect(extractPersona("You are Lu. You love puns and silly jokes.").family).toBe("playful");
    expect(extractPersona("You are Bo, a product manager.").family).toBe("design");
    expect(extractPersona("You are Ada.").family).toBe("generic");
  });

  it("does not mistake an article for a name", () => {
    expect(extractPersona("You are A helpful assistant.").name).toBeNull();
  });

  it("gives our fixed chat rules no role or tone of their own", () => {
    const persona = extractPersona(agentSystemPrompt({ name: "Ada", otherParticipants: [] }));
    expect(persona).toMatchObject({ name: "Ada", role: null, family: "generic", tones: [], expertise: [] });
  });
});
