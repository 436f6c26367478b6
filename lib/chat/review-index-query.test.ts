import { describe, expect, it } from "vitest";
import { dateRange, indexSearch, parseChartsQuery, parseIndexQuery } from "./review-index-query";

describe("parseIndexQuery", () => {
  it("gives defaults for an empty query", () => {
    const parsed = parseIndexQuery({});
    expect(parsed).toEqual({ ok: true, value: { sort: "lastActivity", dir: "desc", page: 1, size: 25 } });
  });
  it("reads sorting, paging and filters, blanks as absent", () => {
    const parsed = parseIndexQuery(
      new URLSearchParams("sort=name&page=3&size=50&q=+&agent=Sam&from=2026-12-01&to=2026-12-04"),
    );
    expect(parsed.ok && parsed.value).toEqual({
      sort: "name",
      dir: "asc",
      page: 3,
      size: 50,
      agent: "Sam",
      from: "2026-12-01",
      to: "2026-12-04",
    });
  });
  it("refuses what it cannot honour, with the field named", () => {
    expect(parseIndexQuery({ sort: "DROP TABLE" })).toMatchObject({
      ok: false,
      fields: { sort: expect.any(String) },
    });
    expect(parseIndexQuery({ size: "7" })).toMatchObject({ ok: false, fields: { size: expect.any(String) } });
    expect(parseIndexQuery({ page: "0" })).toMatchObject({ ok: false });
    expect(parseIndexQuery({ from: "2026-02-30" })).toMatchObject({
      ok: false,
      fields: { from: "Not a date" },
    });
    expect(parseIndexQuery({ from: "2026-12-05", to: "2026-12-01" })).toMatchObject({
      ok: false,
      fields: { to: expect.any(String) },
    });
  });
});

describe("indexSearch", () => {
  it("round-trips a view and leaves defaults out", () => {
    const parsed = parseIndexQuery({ sort: "credits", dir: "asc", page: "2", agent: "Maya" });
    if (!parsed.ok) throw new Error("parse failed");
    const search = indexSearch(parsed.value);
    expect(search).toBe("?agent=Maya&sort=credits&dir=asc&page=2");
    expect(parseIndexQuery(new URLSearchParams(search.slice(1)))).toEqual(parsed);
    expect(indexSearch(parsed.value, { sort: "lastActivity", dir: "desc", page: 1 })).toBe("?agent=Maya");
  });
});

describe("dateRange", () => {
  it("covers whole UTC days, the end day included", () => {
    const { since, until } = dateRange({ from: "2026-12-01", to: "2026-12-01" });
    expect(since?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(until?.toISOString()).toBe("2026-12-02T00:00:00.000Z");
  });
});

describe("parseChartsQuery", () => {
  it("takes an optional room", () => {
    expect(parseChartsQuery({ roomId: "r1" })).toEqual({ ok: true, value: { roomId: "r1" } });
    expect(parseChartsQuery({ roomId: "x".repeat(65) })).toMatchObject({ ok: false });
  });
});
