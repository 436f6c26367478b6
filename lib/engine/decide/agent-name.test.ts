import { describe, expect, it } from "vitest";
import { matchName, nameForms, resolveAgentName } from "./agent-name";

describe("resolveAgentName", () => {
  it("prefers the explicit name, then the last respond name", () => {
    expect(resolveAgentName("Sam", "Maya", "You are Pip.")).toBe("Sam");
    expect(resolveAgentName(null, "Maya", "You are Pip.")).toBe("Maya");
    expect(resolveAgentName("  ", undefined, "You are Pip.")).toBe("Pip");
  });

  it("reads 'You are NAME', 'You're NAME' and 'Your name is NAME' from the prompt", () => {
    expect(resolveAgentName(null, null, "You are Sam, a support engineer.")).toBe("Sam");
    expect(resolveAgentName(null, null, "You're Pip, a playful teammate.")).toBe("Pip");
    expect(resolveAgentName(null, null, "Be kind.\nYour name is Theo. You tutor math.")).toBe("Theo");
    expect(resolveAgentName(null, null, "You are Maya Chen, the designer.")).toBe("Maya Chen");
    expect(resolveAgentName(null, null, "You are Lucía, a Spanish tutor.")).toBe("Lucía");
  });

  it("returns null when the prompt names no one", () => {
    expect(resolveAgentName(null, null, "You are a helpful assistant.")).toBeNull();
    expect(resolveAgentName(null, null, "You are Fernway's product designer.")).toBeNull();
    expect(resolveAgentName(undefined, undefined, null)).toBeNull();
  });
});

describe("matchName", () => {
  it("matches the full name exactly and short forms as nicknames", () => {
    const maya = nameForms("Maya Chen");
    if (!maya) throw new Error("no forms");
    expect(matchName(maya, "maya chen")).toBe("exact");
    expect(matchName(maya, "mayachen")).toBe("exact");
    expect(matchName(maya, "maya")).toBe("nickname");
    const samantha = nameForms("Samantha");
    if (!samantha) throw new Error("no forms");
    expect(matchName(samantha, "sam")).toBe("nickname");
    expect(matchName(samantha, "sa")).toBeNull();
  });

  it("never treats an everyday word as a nickname", () => {
    const andrew = nameForms("Andrew");
    const nova = nameForms("Nova");
    if (!andrew || !nova) throw new Error("no forms");
    expect(matchName(andrew, "and")).toBeNull();
    expect(matchName(nova, "nov")).toBeNull();
  });

  it("ignores accents", () => {
    const lucia = nameForms("Lucía");
    if (!lucia) throw new Error("no forms");
    expect(matchName(lucia, "lucia")).toBe("exact");
  });
});
