import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "./same-origin";

const req = (method: string, headers: Record<string, string>) =>
  new Request("http://0.0.0.0:3000/api/rooms", { method, headers: { host: "chat.local:3000", ...headers } });

describe("crossSiteRefusal", () => {
  it("lets reads through", () => {
    expect(crossSiteRefusal(req("GET", { origin: "https://evil.example" }))).toBeNull();
  });

  it("accepts a same-origin JSON write", () => {
    const ok = req("POST", {
      origin: "http://chat.local:3000",
      "content-type": "application/json; charset=utf-8",
    });
    expect(crossSiteRefusal(ok)).toBeNull();
  });

  it("refuses a foreign, missing or malformed Origin", () => {
    for (const origin of ["https://evil.example", "http://chat.local:3001", "null", ""]) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (origin) headers.origin = origin;
      expect(crossSiteRefusal(req("POST", headers))?.code).toBe("forbidden:origin");
    }
  });

  it("refuses form and text bodies, even from the same origin", () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]) {
      const r = req("PATCH", { origin: "http://chat.local:3000", "content-type": type });
      expect(crossSiteRefusal(r)?.code).toBe("forbidden:content_type");
    }
    expect(crossSiteRefusal(req("DELETE", { origin: "http://chat.local:3000" }))?.code).toBe(
      "forbidden:content_type",
    );
  });

  it("uses the proxy's forwarded host", () => {
    const r = req("POST", {
      origin: "https://chat.example.com",
      "x-forwarded-host": "chat.example.com",
      "content-type": "application/json",
    });
    expect(crossSiteRefusal(r)).toBeNull();
  });
});
