import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, socketOrigins } from "./csp";

describe("contentSecurityPolicy", () => {
  it("runs only nonce'd scripts and forbids framing", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("allows eval in development and the hosted socket", () => {
    const csp = contentSecurityPolicy({
      nonce: "n",
      dev: true,
      connect: socketOrigins("https://api.example.com/v1"),
    });
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).toContain("connect-src 'self' wss://api.example.com");
  });

  it("maps base URLs to socket origins", () => {
    expect(socketOrigins("http://127.0.0.1:4100")).toEqual(["ws://127.0.0.1:4100"]);
    expect(socketOrigins("wss://chat.example.com")).toEqual(["wss://chat.example.com"]);
    expect(socketOrigins("not a url")).toEqual([]);
    expect(socketOrigins(undefined)).toEqual([]);
  });
});
