import { describe, expect, it } from "vitest";
import { browserSocketUrl } from "./browser-socket-url";

describe("browserSocketUrl", () => {
  const engine = "ws://127.0.0.1:3000/v1/ws/turn-taking-thread?token=abc";

  it("moves the socket to the origin the browser used", () => {
    expect(browserSocketUrl(engine, "http://localhost:3000")).toBe(
      "ws://localhost:3000/v1/ws/turn-taking-thread?token=abc",
    );
    expect(browserSocketUrl(engine, "https://chat.example.com")).toBe(
      "wss://chat.example.com/v1/ws/turn-taking-thread?token=abc",
    );
  });

  it("leaves it alone without a usable origin", () => {
    expect(browserSocketUrl(engine, null)).toBe(engine);
    expect(browserSocketUrl(engine, "not a url")).toBe(engine);
  });
});
