import { describe, expect, it } from "vitest";
import { can, isPermission, PERMISSIONS, type ROLE_PERMISSIONS } from "./permissions";

// The whole table, written out: a change to who may do what must change this test.
const EXPECTED: Record<keyof typeof ROLE_PERMISSIONS, string> = {
  //             r:content w:content r:config w:config r:keys w:keys r:usage r:audit r:members w:members ownership
  SUPER_ADMIN: "1 1 1 1 1 1 1 1 1 1 1",
  OWNER: "      1 1 1 1 1 1 1 1 1 1 1",
  ADMIN: "      1 1 1 1 1 1 1 1 1 1 0",
  MEMBER: "     1 1 1 0 0 0 1 0 1 0 0",
  VIEWER: "     1 0 1 0 0 0 1 0 1 0 0",
};

describe("permission table", () => {
  for (const [role, row] of Object.entries(EXPECTED) as [keyof typeof ROLE_PERMISSIONS, string][]) {
    const flags = row.trim().split(/\s+/);
    it.each(PERMISSIONS.map((permission, i) => [permission, flags[i] === "1"] as const))(
      `${role} %s → %s`,
      (permission, allowed) => {
        expect(can(role, permission)).toBe(allowed);
      },
    );
  }

  it("has a column for every permission", () => {
    for (const row of Object.values(EXPECTED)) expect(row.trim().split(/\s+/)).toHaveLength(PERMISSIONS.length);
  });

  it("recognises permission names", () => {
    expect(isPermission("write:keys")).toBe(true);
    expect(isPermission("write:everything")).toBe(false);
  });
});
