import { describe, expect, it } from "vitest";
import { findUnstorableText, isStorableDate } from "./text";

describe("findUnstorableText", () => {
  it.each([
    [{ title: "fine", tags: ["ok", "ünïcödé 🎉"] }, null],
    [{ title: "a\u0000b" }, ["title"]],
    [{ list: ["ok", "\ud800"] }, ["list", 1]],
    [{ "\u0000": 1 }, ["\u0000"]],
    [{ deep: { deeper: "\udfff\ud800" } }, ["deep", "deeper"]],
    ["\u0000", []],
    [42, null],
  ])("%j → %j", (value, path) => {
    expect(findUnstorableText(value)).toEqual(path);
  });

  it("walks bodies nested far deeper than the call stack allows", () => {
    const deep = JSON.parse(`${"[".repeat(200_000)}"a\\u0000"${"]".repeat(200_000)}`) as unknown;
    expect(findUnstorableText(deep)).toHaveLength(200_000);
  });
});

describe("isStorableDate", () => {
  it.each([
    ["2026-11-27T00:00:00Z", true],
    ["0001-01-01T00:00:00Z", true],
    ["9999-12-31T23:59:59Z", true],
    ["0000-01-01T00:00:00Z", false],
    ["+275760-09-13T00:00:00Z", false],
    ["not a date", false],
  ])("%s → %s", (iso, ok) => {
    expect(isStorableDate(new Date(iso))).toBe(ok);
  });
});
