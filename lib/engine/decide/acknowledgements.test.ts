import { describe, expect, it } from "vitest";
import { classifyAcknowledgement } from "./acknowledgements";

const names = new Set(["sam", "carmen"]);
const ack = (text: string) => classifyAcknowledgement(text, (t) => names.has(t));

describe("classifyAcknowledgement", () => {
  it("recognises thanks, affirmations, laughter, cheers and reactions", () => {
    expect(ack("thanks!")).toBe("thanks");
    expect(ack("amazing, thank you Sam!!")).toBe("thanks");
    expect(ack("ok")).toBe("affirm");
    expect(ack("sounds good")).toBe("affirm");
    expect(ack("+1")).toBe("affirm");
    expect(ack("lol")).toBe("laugh");
    expect(ack("congrats!!!")).toBe("cheer");
    expect(ack("👍")).toBe("reaction");
    expect(ack("🎉🎉")).toBe("reaction");
  });

  it("recognises greetings and problems that sorted themselves out", () => {
    expect(ack("morning all!")).toBe("greeting");
    expect(ack("nvm, found it in spam, sorry!")).toBe("resolved");
    expect(ack("omg that worked")).toBe("resolved");
    expect(ack("nah exempting is fine")).toBe("resolved");
  });

  it("recognises someone stepping away", () => {
    expect(ack("lol ok brb, grabbing coffee")).toBe("away");
    expect(ack("gtg, back in 10 minutes")).toBe("away");
    expect(ack("afk")).toBe("away");
    expect(ack("brb but my login still doesn't work")).toBeNull();
  });

  it("is not fooled by content, questions or a bare ping", () => {
    expect(ack("ooh yes, I'll get the yogurt")).toBeNull();
    expect(ack("thanks! can you also check my refund?")).toBeNull();
    expect(ack("@Sam ^")).toBeNull();
    expect(ack("morning all! reminder that the status page moved to a new address")).toBeNull();
  });
});
