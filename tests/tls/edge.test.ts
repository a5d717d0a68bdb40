import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeCertificate } from "@/lib/tls/probe";
import { ASK_TOKEN, ROOT_DOMAIN, curl, edge, https, platformApi, records, run, startEdge, stopEdge } from "./edge";

// Issue 16: Caddy (Debian's caddy 2.6) with its internal CA in front of the
// one production build, as deploy/Caddyfile puts it in front of Livery:
// certificates on demand for verified custom domains of entitled, active
// tenants only (Livery's ask endpoint decides), the operator's wildcard
// certificate for tenant subdomains, real TLS handshakes checked by curl.
// docs/deploy.md quotes these commands; the setup is in ./edge.ts.

async function createTenant(slug: string): Promise<string> {
  const created = await platformApi("POST", "/tenants", { slug, name: slug, plan: "pro" });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return created.json!.id!;
}

async function claim(tenantId: string, hostname: string): Promise<string> {
  const added = await platformApi("POST", `/tenants/${tenantId}/domains`, { hostname });
  expect(added.status, JSON.stringify(added.json)).toBe(201);
  const { txt } = added.json!.dns!;
  records.set(txt.name, [txt.value]);
  return added.json!.id!;
}

async function verify(tenantId: string, domainId: string): Promise<void> {
  const verified = await platformApi("POST", `/tenants/${tenantId}/domains/${domainId}/verify`);
  expect(verified.status, JSON.stringify(verified.json)).toBe(200);
  expect(verified.json!.status).toBe("verified");
}

beforeAll(startEdge, 300_000);
afterAll(stopEdge);

describe("HTTPS at the edge (Caddy's on-demand TLS, Livery's ask endpoint)", () => {
  it("serves acme's portal and API on its verified custom domain with a certificate issued on demand for that name", async () => {
    const page = await curl(https("portal.acme.test"));
    expect(page.stderr).toBe("");
    expect(page.status).toBe(200);
    expect(page.body).toContain("Acme Corporation");
    // A customer's apex must not force HTTPS on the customer's other sites.
    expect(page.headers).toMatch(/^strict-transport-security: max-age=63072000\r?$/im);
    const api = await curl(https("portal.acme.test", "/api/v1/tenants/current/info"), { key: edge.acmeKey });
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body)).toMatchObject({ slug: "acme" });
    // Plain HTTP is sent to HTTPS. Caddy's redirect names the standard port
    // (443, where the edge listens in production), not this test's.
    const { stdout } = await run("curl", [
      "-sS",
      "-o",
      "/dev/null",
      "-w",
      "%{http_code} %{redirect_url}",
      "--resolve",
      `portal.acme.test:${edge.httpPort}:127.0.0.1`,
      `http://portal.acme.test:${edge.httpPort}/x?y=1`,
    ]);
    expect(stdout).toBe("308 https://portal.acme.test/x?y=1");
  });

  it("serves tenant subdomains and the platform under the operator's wildcard certificate", async () => {
    const acme = await curl(https(`acme.${ROOT_DOMAIN}`), { ca: "wildcard" });
    expect(acme.stderr).toBe("");
    expect(acme.status).toBe(200);
    expect(acme.body).toContain("Acme Corporation");
    expect(acme.headers).toMatch(/^strict-transport-security: max-age=63072000; includeSubDomains\r?$/im);
    const platform = await curl(https(ROOT_DOMAIN), { ca: "wildcard" });
    expect(platform.status).toBe(200);
  });

  it("gives no certificate to a pending, unclaimed or plan-excluded domain, and Livery logs each refusal", async () => {
    const owner = await createTenant("tls-refusals");
    await claim(owner, "pending.tls-refusals.test");
    const downgraded = await createTenant("tls-downgraded");
    await verify(downgraded, await claim(downgraded, "downgraded.tls-refusals.test"));
    expect((await platformApi("PATCH", `/tenants/${downgraded}`, { plan: "free" })).status).toBe(200);

    for (const name of ["pending.tls-refusals.test", "nobody.tls-refusals.test", "downgraded.tls-refusals.test"]) {
      const answer = await curl(https(name));
      // curl's 35: the TLS handshake failed (Caddy sent an alert instead of a certificate).
      expect(answer.code, `${name}: ${answer.stderr}`).toBe(35);
    }
    expect(edge.appLog()).toContain("[tls] no certificate for pending.tls-refusals.test: not_routed");
    expect(edge.appLog()).toContain("[tls] no certificate for nobody.tls-refusals.test: not_routed");
    expect(edge.appLog()).toContain("[tls] no certificate for downgraded.tls-refusals.test: not_routed");
  });

  it("keeps a certificate already issued, but a removed domain gets the 404 page and a suspended tenant is refused at once", async () => {
    const tenant = await createTenant("tls-lifecycle");
    const gone = await claim(tenant, "gone.tls-lifecycle.test");
    await verify(tenant, gone);
    await verify(tenant, await claim(tenant, "shop.tls-lifecycle.test"));
    expect((await curl(https("gone.tls-lifecycle.test"))).status).toBe(200);
    expect((await curl(https("shop.tls-lifecycle.test"))).status).toBe(200);

    expect((await platformApi("DELETE", `/tenants/${tenant}/domains/${gone}`)).status).toBe(204);
    const removed = await curl(https("gone.tls-lifecycle.test"));
    expect(removed.stderr).toBe(""); // the handshake still completes: the certificate expires on its own
    expect(removed.status).toBe(404);

    expect((await platformApi("POST", `/tenants/${tenant}/suspend`, { reason: "TLS edge test" })).status).toBe(200);
    const suspended = await curl(https("shop.tls-lifecycle.test"));
    expect(suspended.stderr).toBe("");
    expect(suspended.status).toBe(403);
  });

  it("the domains' edge status follows the edge: asked on the first HTTPS visit, and the probe sees the certificate issued", async () => {
    const tenant = await createTenant("tls-status");
    await verify(tenant, await claim(tenant, "status.tls-status.test"));
    const status = async () => (await platformApi("GET", `/tenants/${tenant}/domains`)).json!.data![0]!.edge!;
    expect(await status()).toMatchObject({ allowed: true, lastAskedAt: null });

    const before = Date.now();
    expect((await curl(https("status.tls-status.test"))).status).toBe(200);
    // Written behind (lib/tls/asked.ts): within one flush interval.
    await expect.poll(async () => (await status()).lastAskedAt, { timeout: 30_000, interval: 1_000 }).toEqual(expect.any(String));
    expect(Date.parse((await status()).lastAskedAt!)).toBeGreaterThanOrEqual(before - 1_000);

    // The re-check job's probe, against the edge itself: the certificate Caddy issued on the visit.
    const probe = await probeCertificate("status.tls-status.test", { host: "127.0.0.1", port: edge.httpsPort });
    expect(probe).toMatchObject({ ok: true });
    const expires = probe.ok ? probe.expiresAt.getTime() : 0;
    expect(expires).toBeGreaterThan(Date.now());
    expect(expires).toBeLessThan(Date.now() + 8 * 86_400_000);
    // A name the edge refuses: the probe reports the refused handshake.
    expect(await probeCertificate("nobody.tls-status.test", { host: "127.0.0.1", port: edge.httpsPort })).toMatchObject({
      ok: false,
    });
  });

  it("answers 404 for Livery's internal endpoints from outside, even with the right token", async () => {
    const ask = await curl(https("portal.acme.test", `/api/internal/tls/ask?token=${ASK_TOKEN}&domain=portal.acme.test`));
    expect(ask.status).toBe(404);
    expect(edge.caddyLog()).not.toContain(ASK_TOKEN);
  });
});
