import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as ask } from "@/app/api/internal/tls/ask/route";
import { withPlatform } from "@/lib/db/platform";
import { INTERNAL_TOKEN_HEADER, internalToken } from "@/lib/tenancy/internal-token";
import { resetAskCache } from "@/lib/tls/ask";
import { setupTestDatabase } from "../helpers/setup-test-database";
import { withTlsAskToken } from "../helpers/tls-ask-token";
import { installPipeline, sendAndRead } from "./pipeline";

// The TLS edge's ask endpoint (issue 16) in the isolation matrix: every host
// it could be reached on × every credential × every kind of name, through the
// real middleware. The answer depends on the edge's token and the name only —
// never on the host or on headers a client sent — and no answer names a tenant.

setupTestDatabase();

const TOKEN = "isolation-ask-token-0123456789abcdef";
withTlsAskToken(TOKEN);
type Tenant = { id: string; slug: string; verified: string; pending: string };
let own: Tenant;
let other: Tenant;
let uninstall: () => void;
let middlewareToken: string;

async function tenantWithDomains(slug: string): Promise<Tenant> {
  return withPlatform(async (tx) => {
    const tenant = await tx.tenant.create({ data: { slug, name: `${slug} marker`, plan: "pro" } });
    const verified = `shop.${slug}.example`;
    const pending = `pending.${slug}.example`;
    await tx.tenantDomain.create({
      data: { tenantId: tenant.id, hostname: verified, state: "verified", verifiedAt: new Date(), verificationToken: "v" },
    });
    await tx.tenantDomain.create({ data: { tenantId: tenant.id, hostname: pending, verificationToken: "p" } });
    return { id: tenant.id, slug, verified, pending };
  });
}

beforeAll(async () => {
  uninstall = installPipeline();
  middlewareToken = await internalToken(process.env.NEXTAUTH_SECRET!);
  own = await tenantWithDomains("iso-ask-own");
  other = await tenantWithDomains("iso-ask-other");
});

afterAll(() => {
  uninstall?.();
});

const hosts = () => ({
  platform: "localhost:3000",
  "own subdomain": `${own.slug}.localhost:3000`,
  "other's subdomain": `${other.slug}.localhost:3000`,
  "own custom domain": `${own.verified}:3000`,
  "IP address": "127.0.0.1:3000",
  "unknown host": "nobody.example:3000",
});

const credentials = () => ({
  none: { query: "", headers: {} },
  "wrong token": { query: `token=${TOKEN}x&`, headers: {} },
  "token in a header": { query: "", headers: { authorization: `Bearer ${TOKEN}`, "x-livery-ask-token": TOKEN } },
  "middleware's token": { query: "", headers: { [INTERNAL_TOKEN_HEADER]: middlewareToken } },
  "edge's token": { query: `token=${TOKEN}&`, headers: {} },
  "edge's token + spoofed tenant headers": {
    query: `token=${TOKEN}&`,
    headers: {
      "x-tenant-slug": other.slug,
      "x-livery-tenant-id": other.id,
      "x-livery-tenant-slug": other.slug,
      "x-forwarded-host": other.verified,
      "x-forwarded-for": "10.0.0.1",
    },
  },
});

const names = () => ({
  "own verified domain": { name: own.verified, allowed: true },
  "other's verified domain": { name: other.verified, allowed: true },
  "own pending domain": { name: own.pending, allowed: false },
  "other's pending domain": { name: other.pending, allowed: false },
  "own subdomain": { name: `${own.slug}.localhost`, allowed: false },
  "unknown name": { name: "nobody.example", allowed: false },
});

describe("isolation: the TLS ask endpoint", () => {
  it("answers by the edge's token and the name alone, on every host, whatever else the client sends", async () => {
    let cases = 0;
    let allowed = 0;
    for (const [hostLabel, host] of Object.entries(hosts())) {
      for (const [credentialLabel, credential] of Object.entries(credentials())) {
        for (const [nameLabel, { name, allowed: mayIssue }] of Object.entries(names())) {
          resetAskCache();
          const label = `${hostLabel} × ${credentialLabel} × ${nameLabel}`;
          const result = await sendAndRead(ask, {
            method: "GET",
            prefix: "/api/internal/tls",
            path: `/ask?${credential.query}domain=${encodeURIComponent(name)}`,
            pattern: "/ask",
            headers: { host, ...credential.headers },
          });
          const edge = credentialLabel.startsWith("edge's token");
          const expected = !edge ? 404 : mayIssue ? 200 : 403;
          expect(result.status, label).toBe(expected);
          if (expected === 200) expect(result.json, label).toEqual({ allowed: true });
          if (expected === 403) expect(result.json, label).toEqual({ allowed: false });
          for (const tenant of [own, other]) {
            for (const secret of [tenant.id, `${tenant.slug} marker`]) expect(result.text, label).not.toContain(secret);
          }
          cases++;
          if (result.status === 200) allowed++;
        }
      }
    }
    console.log(`TLS ask endpoint: ${cases} cases, ${allowed} allowed, ${cases - allowed} refused or not found`);
    expect(cases).toBe(6 * 6 * 6);
    expect(allowed).toBe(6 * 2 * 2);
  });
});
