import { describe, expect, it } from "vitest";
import { promptRole, statesField } from "./prompt-role";
import { prepareText } from "./relevance";

const role = (prompt: string) => promptRole(prepareText(prompt));
const field = (prompt: string) => statesField(prepareText(prompt));

describe("promptRole", () => {
  it("reads the role a prompt gives the agent", () => {
    expect(role("You are kim. Role: helper (mostly answers other people).")).toBe("helper");
    expect(role("You are Sam. You help customers with billing.")).toBe("helper");
    expect(role("You are kim. Role: asker (mostly asks questions).")).toBe("asker");
    expect(role("You are kim. Role: newcomer (no earlier messages).")).toBe("newcomer");
    expect(role("You are kim. Role: participant.")).toBeNull();
  });
});

describe("statesField", () => {
  it("is true when the prompt gives the agent a job", () => {
    expect(field("You are Sam, a calm support engineer.")).toBe(true);
    expect(field("You're Pip, a playful teammate who keeps the mood light.")).toBe(true);
    expect(field("Your name is Theo. You're a patient math tutor in a study group.")).toBe(true);
    expect(field("You are Ava. Help with routes, trains and flights.")).toBe(true);
  });

  it("is false for one more person in a channel, whatever they said earlier", () => {
    expect(
      field("You are kim. kim, a participant in #ubuntu: volunteers answer users' questions. Role: helper."),
    ).toBe(false);
    // The job has to be stated in the prompt's opening, not in quoted lines far below.
    expect(
      field(`You are kim. ${"Things you said earlier: apt-get update | ".repeat(10)} you help with grub`),
    ).toBe(false);
  });
});
