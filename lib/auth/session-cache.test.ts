import { describe, expect, it } from "vitest";
import { SessionCache, sessionCookies } from "./session-cache";

describe("sessionCookies", () => {
  it("keeps only Auth.js's session cookies, chunked or secure, in a stable order", () => {
    expect(sessionCookies("theme=dark; authjs.session-token=abc; authjs.csrf-token=x")).toBe(
      "authjs.session-token=abc",
    );
    expect(
      sessionCookies("__Secure-authjs.session-token.1=tail; a=b; __Secure-authjs.session-token.0=head"),
    ).toBe("__Secure-authjs.session-token.0=head; __Secure-authjs.session-token.1=tail");
    expect(sessionCookies("authjs.callback-url=%2F; other=1")).toBeNull();
    expect(sessionCookies(null)).toBeNull();
  });
});

describe("SessionCache", () => {
  const cookie = "authjs.session-token=token-of-ana";
  const ana = { id: "u1", name: "Ana" };

  it("reads a session once per minute, whatever other cookies come along", async () => {
    const cache = new SessionCache<typeof ana>(60_000);
    let reads = 0;
    const read = async () => {
      reads += 1;
      return ana;
    };
    expect(await cache.userOf(cookie, read, 0)).toEqual(ana);
    expect(await cache.userOf(`theme=dark; ${cookie}`, read, 59_999)).toEqual(ana);
    expect(reads).toBe(1);
    expect(await cache.userOf(cookie, read, 60_000)).toEqual(ana);
    expect(reads).toBe(2);
  });

  it("never keeps a refusal, and asks again for a request without a session cookie", async () => {
    const cache = new SessionCache<typeof ana>();
    let answer: typeof ana | null = null;
    let reads = 0;
    const read = async () => {
      reads += 1;
      return answer;
    };
    expect(await cache.userOf(cookie, read, 0)).toBeNull();
    answer = ana;
    expect(await cache.userOf(cookie, read, 1)).toEqual(ana);
    expect(await cache.userOf("theme=dark", read, 2)).toEqual(ana);
    expect(await cache.userOf(null, read, 3)).toEqual(ana);
    expect(reads).toBe(4);
  });

  it("tells different sessions apart", async () => {
    const cache = new SessionCache<{ id: string }>();
    const read = (id: string) => async () => ({ id });
    await cache.userOf("authjs.session-token=a", read("ana"), 0);
    expect(await cache.userOf("authjs.session-token=b", read("ben"), 1)).toEqual({ id: "ben" });
    expect(await cache.userOf("authjs.session-token=a", read("never"), 2)).toEqual({ id: "ana" });
  });
});
