import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("csv", () => {
  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("defuses spreadsheet formulas in text, not in numbers", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-x")).toBe("'-x");
    expect(csvCell("@sum")).toBe("'@sum");
    expect(csvCell("=a,b")).toBe(`"'=a,b"`);
    expect(csvCell(-0.5)).toBe("-0.5");
  });

  it("writes empty cells, dates and CRLF rows", () => {
    expect(csvRow([null, undefined, 1, true, new Date(0)])).toBe(",,1,true,1970-01-01T00:00:00.000Z\r\n");
  });
});
