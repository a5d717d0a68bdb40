import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as ask } from "@/app/api/internal/tls/ask/route";
import { withPlatform } from "@/lib/db/platform";
import { resetAskCache } from "@/lib/tls/ask";
import { setupTestDatabase } from "../helpers/setup-test-database";
import { withTlsAskToken } from "../helpers/tls-ask-token";
import { installPipeline, sendAndRead } from "../isolation/pipeline";
import { hostileHost, nastyString } from "./arbitraries";
import { FUZZ_RUNS, seedFor } from "./harness";

// The TLS edge's ask endpoint (issue 16) under hostile names, tokens and Host
// headers, through the real middleware: never a 5xx, only 200 / 403 / 404,
// and 200 only for the one verified domain with the edge's token.

setupTestDatabase();

const TOKEN = "fuzz-ask-token-0123456789abcdef-xyz";
withTlsAskToken(TOKEN);
const VERIFIED = "shop.fuzz-ask.example";
let uninstall: () => void;
let cases = 0;

beforeAll(async () => {
  uninstall = installPipeline();
  await withPlatform(async (tx) => {
    const tenant = await tx.tenant.create({ data: { slug: "fuzz-ask", name: "fuzz-ask", plan: "pro" } });
    await tx.tenantDomain.create({
      data: { tenantId: tenant.id, hostname: VERIFIED, state: "verified", verifiedAt: new Date(), verificationToken: "v" },
    });
  });
});

afterAll(() => {
  uninstall?.();
  console.log(`fuzz TLS ask endpoint: ${cases} cases (FUZZ_RUNS=${FUZZ_RUNS} ×10)`);
});

const name = fc.oneof(
  nastyString,
  fc.domain(),
  fc.constantFrom(VERIFIED, `${VERIFIED}.`, VERIFIED.toUpperCase(), `${VERIFIED}:443`, `x.${VERIFIED}`, `*.${VERIFIED}`),
);
const token = fc.oneof(fc.constant(TOKEN), nastyString, fc.constantFrom("", `${TOKEN}${TOKEN}`, TOKEN.toUpperCase()));

describe("fuzz: the TLS ask endpoint", () => {
  it("answers only 200, 403 or 404, and 200 only for the verified domain with the edge's token", async () => {
    await fc.assert(
      fc.asyncProperty(name, token, hostileHost, fc.boolean(), async (domain, presented, host, twice) => {
        resetAskCache();
        const query = new URLSearchParams({ token: presented, domain });
        const result = await sendAndRead(ask, {
          method: "GET",
          prefix: "/api/internal/tls",
          path: `/ask?${query}${twice ? `&domain=${encodeURIComponent(VERIFIED)}` : ""}`,
          pattern: "/ask",
          headers: host ? { host } : {},
        });
        cases++;
        expect([200, 403, 404]).toContain(result.status);
        if (result.status === 200) {
          expect(presented).toBe(TOKEN);
          expect(domain.toLowerCase().replace(/\.$/, "").replace(/:443$/, "")).toBe(VERIFIED);
        }
        if (presented !== TOKEN) expect(result.status).toBe(404);
      }),
      { numRuns: FUZZ_RUNS * 10, seed: seedFor("tls-ask") },
    );
  });
});
