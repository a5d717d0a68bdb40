import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { timeUntil } from "./expires-in";
import { KeyCard, type KeyCardData } from "./key-card";

const HOUR = 3_600_000;
const now = Date.parse("2026-12-01T12:00:00.000Z");
const at = (ms: number) => new Date(now + ms).toISOString();

const chain: KeyCardData = {
  id: "00000000-0000-4000-8000-000000000001",
  name: "deploys",
  prefix: "lv_NewNewN",
  permissions: ["read:content"],
  status: "rotating",
  createdAt: at(-HOUR),
  lastUsedAt: null,
  expiresAt: null,
  revokedAt: null,
  previousSecret: { prefix: "lv_OldOldO", expiresAt: at(23 * HOUR), lastUsedAt: null },
};

describe("key cards", () => {
  it("H7: a rotated key is one card that says when its previous secret stops working", () => {
    const html = renderToStaticMarkup(<KeyCard data={chain} testId="key" />);
    expect(html).toContain("lv_NewNewN…");
    expect(html).toMatch(/Previous secret <span[^>]*>lv_OldOldO…<\/span> expires <time dateTime="2026-12-02T11:00:00.000Z"/);
    expect(html).toContain("never used");
    const plain = renderToStaticMarkup(<KeyCard data={{ ...chain, status: "active", previousSecret: null }} testId="key" />);
    expect(plain).not.toContain("Previous secret");
  });

  it.each([
    [23 * HOUR, "in 23 hours"],
    [47 * HOUR, "in 47 hours"],
    [72 * HOUR, "in 3 days"],
    [89 * 60_000, "in 89 minutes"],
    [10_000, "in 1 minute"],
    [-1, "now"],
  ])("counts down: %i ms → %s", (ms, text) => {
    expect(timeUntil(at(ms), now)).toBe(text);
  });
});
