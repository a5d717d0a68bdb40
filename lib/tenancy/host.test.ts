import { describe, expect, it } from "vitest";
import { type HostTarget, parseHost } from "./host";

const ROOT = "localhost";
const PROD = "livery.example.com";

const platform = (host: string): HostTarget => ({ kind: "platform", host });
const tenant = (slug: string, host: string): HostTarget => ({ kind: "subdomain", slug, host });
const custom = (host: string): HostTarget => ({ kind: "custom", host });
const invalid = (reason: Extract<HostTarget, { kind: "invalid" }>["reason"]): HostTarget => ({ kind: "invalid", reason });

describe("parseHost", () => {
  it.each<[string | null | undefined, string, HostTarget]>([
    // the platform host
    ["localhost", ROOT, platform("localhost")],
    ["localhost:3000", ROOT, platform("localhost")],
    ["LOCALHOST:3000", ROOT, platform("localhost")],
    ["localhost.", ROOT, platform("localhost")],
    ["www.localhost:3000", ROOT, platform("localhost")],
    ["livery.example.com", PROD, platform("livery.example.com")],
    ["WWW.Livery.Example.Com.:443", PROD, platform("livery.example.com")],
    // tenants by subdomain
    ["acme.localhost:3000", ROOT, tenant("acme", "acme.localhost")],
    ["ACME.localhost", ROOT, tenant("acme", "acme.localhost")],
    ["acme.localhost.:3000", ROOT, tenant("acme", "acme.localhost")],
    ["www.acme.localhost", ROOT, tenant("acme", "acme.localhost")],
    ["  acme.localhost  ", ROOT, tenant("acme", "acme.localhost")],
    ["globex.livery.example.com", PROD, tenant("globex", "globex.livery.example.com")],
    ["a1-b2.livery.example.com", PROD, tenant("a1-b2", "a1-b2.livery.example.com")],
    [`${"x".repeat(63)}.localhost`, ROOT, tenant("x".repeat(63), `${"x".repeat(63)}.localhost`)],
    // candidate custom domains
    ["portal.acme.test", ROOT, custom("portal.acme.test")],
    ["Portal.Acme.COM:8443", PROD, custom("portal.acme.com")],
    ["www.acme.com", PROD, custom("acme.com")],
    ["acme.com.", PROD, custom("acme.com")],
    ["localhost.evil.com", ROOT, custom("localhost.evil.com")],
    ["evil-localhost", ROOT, custom("evil-localhost")],
    ["example.com.livery.example.org", PROD, custom("example.com.livery.example.org")],
    ["xn--80ak6aa92e.com", PROD, custom("xn--80ak6aa92e.com")],
    // reserved and malformed subdomains never reach a tenant
    ["www.www.localhost", ROOT, invalid("reserved")],
    ["api.localhost", ROOT, invalid("reserved")],
    ["admin.livery.example.com", PROD, invalid("reserved")],
    ["status.localhost:3000", ROOT, invalid("reserved")],
    ["a.b.localhost", ROOT, invalid("nested-subdomain")],
    ["acme.globex.livery.example.com", PROD, invalid("nested-subdomain")],
    ["ab.localhost", ROOT, invalid("malformed")],
    ["xn--acme.localhost", ROOT, invalid("malformed")],
    // IP addresses
    ["127.0.0.1", ROOT, invalid("ip-address")],
    ["127.0.0.1:3000", ROOT, invalid("ip-address")],
    ["[::1]:3000", ROOT, invalid("ip-address")],
    ["[2001:db8::1]", ROOT, invalid("ip-address")],
    ["2130706433", ROOT, invalid("ip-address")],
    ["10.0.0.1.", ROOT, invalid("ip-address")],
    // hostile and malformed
    [undefined, ROOT, invalid("missing")],
    [null, ROOT, invalid("missing")],
    ["", ROOT, invalid("missing")],
    ["   ", ROOT, invalid("malformed")],
    ["acme.localhost:", ROOT, invalid("malformed")],
    ["acme.localhost:99999", ROOT, invalid("malformed")],
    ["acme.localhost:3000:3000", ROOT, invalid("malformed")],
    ["acme.localhost:abc", ROOT, invalid("malformed")],
    ["acme_corp.localhost", ROOT, invalid("malformed")],
    ["-acme.localhost", ROOT, invalid("malformed")],
    ["acme-.localhost", ROOT, invalid("malformed")],
    ["acme..localhost", ROOT, invalid("malformed")],
    [".localhost", ROOT, invalid("malformed")],
    ["acme.localhost/evil", ROOT, invalid("malformed")],
    ["user@acme.localhost", ROOT, invalid("malformed")],
    ["acme.localhost\r\nX-Tenant-Id: 1", ROOT, invalid("malformed")],
    ["acme.localhost\u0000", ROOT, invalid("malformed")],
    ["аcme.localhost", ROOT, invalid("malformed")], // Cyrillic "а"
    ["acme.localhost%2f", ROOT, invalid("malformed")],
    ["acme localhost", ROOT, invalid("malformed")],
    [`${"a".repeat(64)}.localhost`, ROOT, invalid("malformed")],
    [`${"a.".repeat(127)}com`, ROOT, invalid("malformed")],
    ["*.localhost", ROOT, invalid("malformed")],
    ["acme.localhost#", ROOT, invalid("malformed")],
  ])("%j under %s", (raw, root, expected) => {
    expect(parseHost(raw, root)).toEqual(expected);
  });
});
