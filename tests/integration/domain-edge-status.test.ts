import { execFileSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/audit/record";
import type { Plan } from "@/lib/db/generated/prisma/enums";
import { withPlatform } from "@/lib/db/platform";
import { addCustomDomain, type CustomDomainView, listCustomDomains } from "@/lib/domains/service";
import { DOMAIN_TIMING } from "@/lib/domains/states";
import { runDomainSweep } from "@/lib/domains/sweep";
import { resetEnvCache } from "@/lib/env";
import { askForCertificate, resetAskCache } from "@/lib/tls/ask";
import { flushAsked } from "@/lib/tls/asked";
import { probeCertificate } from "@/lib/tls/probe";
import { suspendTenant, updateTenant } from "@/lib/tenants/service";
import { resetTenantStatus } from "@/lib/tenants/status";
import { startDnsServer } from "../helpers/dns-server";
import { claimVerified } from "../helpers/domains";
import { setupTestDatabase } from "../helpers/setup-test-database";

// The domains screen's statuses (issue 16): where a domain points, what the
// TLS edge is told (the same answer as the ask endpoint), when it last asked
// (written behind), and the certificate the re-check job's probe saw, from a
// real TLS handshake with a local server standing in for the edge.

setupTestDatabase();

const EDGE = "edge.livery.example";
const SYSTEM: Actor = { type: "SYSTEM", label: "test" };
const records = new Map<string, string[]>();
let dns: Awaited<ReturnType<typeof startDnsServer>>;
let edge: tls.Server;
let edgePort: number;
let dir: string;

/** A self-signed certificate for `names`, as the edge would serve for a custom domain. */
function certificate(names: string[]): { key: string; cert: string } {
  const san = names.map((n) => `DNS:${n}`).join(",");
  execFileSync("openssl", [
    ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "3"],
    ...["-keyout", `${dir}/edge.key`, "-out", `${dir}/edge.crt`, "-subj", `/CN=${names[0]}`, "-addext", `subjectAltName=${san}`],
  ]);
  return { key: fs.readFileSync(`${dir}/edge.key`, "utf8"), cert: fs.readFileSync(`${dir}/edge.crt`, "utf8") };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "livery-edge-"));
  dns = await startDnsServer(records);
  edge = tls.createServer(certificate(["probe.edge-a.example", "portal.edge-a.example"]), (socket) => socket.end());
  await new Promise<void>((resolve) => edge.listen(0, "127.0.0.1", resolve));
  edgePort = (edge.address() as { port: number }).port;
  Object.assign(process.env, {
    DNS_RESOLVER: dns.address,
    EDGE_HOSTNAME: EDGE,
    EDGE_IPV4: "203.0.113.10",
    EDGE_PROBE_ADDRESS: `127.0.0.1:${edgePort}`,
  });
  resetEnvCache();
  records.set(`A ${EDGE}`, ["203.0.113.10"]);
});

afterAll(async () => {
  for (const name of ["DNS_RESOLVER", "EDGE_HOSTNAME", "EDGE_IPV4", "EDGE_PROBE_ADDRESS"]) delete process.env[name];
  resetEnvCache();
  await dns.close();
  await new Promise((resolve) => edge.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  resetAskCache();
  resetTenantStatus();
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

async function tenant(slug: string, plan: Plan = "pro"): Promise<string> {
  return withPlatform(async (tx) => (await tx.tenant.create({ data: { slug, name: slug, plan } })).id);
}

const verified = (tenantId: string, hostname: string) => claimVerified(records, tenantId, hostname);

async function domainOf(tenantId: string, hostname: string): Promise<CustomDomainView> {
  const found = (await listCustomDomains(tenantId)).find((d) => d.hostname === hostname);
  if (!found) throw new Error(`${hostname} is not claimed`);
  return found;
}

describe("the domains screen's statuses", () => {
  it("shows the records to create and where the domain points, checked with its TXT record", async () => {
    const id = await tenant("edge-a");
    records.set(`CNAME portal.edge-a.example`, [EDGE]);
    const portal = await verified(id, "portal.edge-a.example");
    expect(portal.dns.records.map((r) => `${r.type} ${r.value}`)).toEqual([`TXT ${portal.dns.txt.value}`, `CNAME ${EDGE}`]);
    expect(portal.routing).toEqual({ records: `CNAME ${EDGE}`, toEdge: true });

    // An apex: A to the edge's address (here it points elsewhere), ALIAS as the alternative.
    records.set("A edge-a.example", ["198.51.100.7"]);
    const apex = await verified(id, "edge-a.example");
    expect(apex.dns.records.map((r) => r.type)).toEqual(["TXT", "A", "ALIAS"]);
    expect(apex.routing).toEqual({ records: "A 198.51.100.7", toEdge: false });
  });

  it("says what the edge is told, the same answer as the ask endpoint, for every kind of domain", async () => {
    const active = await tenant("edge-b", "basic"); // two custom domains
    const suspended = await tenant("edge-c");
    await verified(active, "one.edge-b.example");
    await verified(active, "two.edge-b.example");
    await verified(suspended, "one.edge-c.example");
    await suspendTenant(suspended, "testing edge statuses", SYSTEM);
    // A downgrade keeps the older domain: the limit override leaves room for one.
    await updateTenant(active, { limits: { customDomains: 1 } }, SYSTEM);

    const views = [...(await listCustomDomains(active)), ...(await listCustomDomains(suspended))];
    expect(views.map((v) => [v.hostname, v.edge.allowed, v.edge.refusal])).toEqual([
      ["one.edge-b.example", true, null],
      ["two.edge-b.example", false, "over_limit"],
      ["one.edge-c.example", false, "suspended"],
    ]);
    for (const view of views) {
      resetAskCache();
      expect((await askForCertificate(view.hostname)).answer.allowed, view.hostname).toBe(view.edge.allowed);
    }
  });

  it("records when the edge last asked, written behind in one flush, only for allowed names", async () => {
    const id = await tenant("edge-d");
    await verified(id, "shop.edge-d.example");
    const pending = await addCustomDomain(id, "pending.edge-d.example");
    expect((await domainOf(id, "shop.edge-d.example")).edge.lastAskedAt).toBeNull();

    const before = Date.now();
    await askForCertificate("shop.edge-d.example");
    await askForCertificate("shop.edge-d.example"); // cached: noted too
    await askForCertificate("pending.edge-d.example");
    // Nothing is written until the flush.
    expect((await domainOf(id, "shop.edge-d.example")).edge.lastAskedAt).toBeNull();
    await flushAsked();
    const asked = (await domainOf(id, "shop.edge-d.example")).edge.lastAskedAt;
    expect(asked!.getTime()).toBeGreaterThanOrEqual(before);
    expect((await domainOf(id, pending.hostname)).edge).toMatchObject({ allowed: false, lastAskedAt: null });
  });

  it("the re-check job probes the edge's certificate for domains the edge has asked about, and only those", async () => {
    const id = await tenant("edge-e");
    records.set(`CNAME probe.edge-a.example`, [EDGE]);
    await verified(id, "probe.edge-a.example");
    await verified(id, "quiet.edge-e.example");
    await askForCertificate("probe.edge-a.example");
    await flushAsked();

    records.set(`CNAME probe.edge-a.example`, ["elsewhere.example.net"]);
    await runDomainSweep(new Date(Date.now() + DOMAIN_TIMING.recheckMs + 3_600_000));
    const probed = await domainOf(id, "probe.edge-a.example");
    const served = new Date(new X509Certificate(fs.readFileSync(`${dir}/edge.crt`)).validTo);
    expect(probed.edge.certificate).toMatchObject({ expiresAt: served, problem: null });
    expect(probed.routing).toEqual({ records: "CNAME elsewhere.example.net", toEdge: false });
    // Never asked about: not probed, so the probe does not make the edge obtain a certificate.
    expect((await domainOf(id, "quiet.edge-e.example")).edge.certificate).toBeNull();
  });

  it("the probe reports a certificate for another name and an edge that cannot be reached", async () => {
    expect(await probeCertificate("other.example", { host: "127.0.0.1", port: edgePort })).toEqual({
      ok: false,
      problem: "The edge's certificate is not for other.example.",
    });
    const closed = tls.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await probeCertificate("probe.edge-a.example", { host: "127.0.0.1", port })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/could not be reached \(ECONNREFUSED\)/),
    });
  });
});
