import { describe, expect, it } from "vitest";
import { hashPassword, passwordSchema, verifyPassword } from "./passwords";

describe("password rules", () => {
  it.each([
    ["correct horse battery staple", undefined],
    ["twelve chars", undefined],
    ["ünïcödé pässwörd", undefined],
    ["tr0ub4dor&3xyz", "jane@example.com"],
  ])("accept %j", (password, email) => {
    expect(passwordSchema(email).safeParse(password).success).toBe(true);
  });

  it.each([
    ["short", undefined, "at least 12"],
    ["a".repeat(73), undefined, "at most 72 bytes"],
    ["é".repeat(37), undefined, "at most 72 bytes"],
    ["password1234", undefined, "most common"],
    ["PasswordPassword", undefined, "most common"],
    ["abababababab", undefined, "more than three different"],
    ["janedoe-is-great", "janedoe@example.com", "email"],
  ])("refuse %j", (password, email, message) => {
    const result = passwordSchema(email).safeParse(password);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join("; ")).toContain(message);
  });
});

describe("password hashing", () => {
  it("verifies the right password only, and refuses a missing hash", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$2[aby]\$12\$/);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
    expect(await verifyPassword("anything", null)).toBe(false);
  });
});
