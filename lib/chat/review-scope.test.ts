import { describe, expect, it } from "vitest";
import { scopeSql } from "./review-scope";
import { containsPattern, dialect, rawDate } from "./review-sql";

describe("scopeSql", () => {
  it("binds every value and numbers parameters per database", () => {
    const s = scopeSql(dialect("postgresql://x/y"), {
      userId: "u1",
      q: "50%_off",
      agent: "Sam",
      since: new Date("2026-12-01T00:00:00Z"),
    });
    expect(s.params).toEqual(["u1", "%50\\%\\_off%", "Sam", "2026-12-01T00:00:00.000"]);
    expect(s.rooms).toContain(`r."name" ILIKE $2`);
    expect(s.where("t", { agent: true })).toBe(
      `t."roomId" IN (SELECT id FROM rooms) AND t."createdAt" >= $4::timestamp(3) AND t."agentName" = $3`,
    );
    const lite = scopeSql(dialect("file:x.db"), { userId: "u1", roomId: "r1", only: ["r1", "r2"] });
    expect(lite.params).toEqual(["u1", "r1", "r1", "r2"]);
    expect(lite.where("c")).toBe(`c."roomId" IN (SELECT id FROM rooms) AND c."roomId" = ?2`);
  });
  it("SQLite dates compare as Prisma stores them", () => {
    expect(dialect("file:x.db").date(new Date("2026-12-01T00:00:00Z"))).toBe("2026-12-01T00:00:00.000+00:00");
    expect(containsPattern("a\\b")).toBe("%a\\\\b%");
  });
  it("reads raw dates from either database as UTC", () => {
    expect(rawDate("2026-12-01 10:00:00.5")?.toISOString()).toBe("2026-12-01T10:00:00.500Z");
    expect(rawDate("2026-12-01T10:00:00.000+00:00")?.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(rawDate(null)).toBeNull();
  });
});
