import { describe, expect, it } from "vitest";
import { servesHost } from "./serves-host";

const acme = { slug: "acme", customHostnames: ["portal.acme.test"] };

describe("servesHost", () => {
  it("serves a tenant on its subdomain and its routed custom domains only", () => {
    expect(servesHost(acme, "acme.livery.test", "livery.test")).toBe(true);
    expect(servesHost(acme, "acme.livery.test:8443", "livery.test")).toBe(true);
    expect(servesHost(acme, "PORTAL.acme.test.", "livery.test")).toBe(true);
    expect(servesHost(acme, "gone.acme.test", "livery.test")).toBe(false);
    expect(servesHost(acme, "globex.livery.test", "livery.test")).toBe(false);
    expect(servesHost(acme, "a.b.livery.test", "livery.test")).toBe(false);
  });

  it("leaves the platform host (a tenant named by X-Tenant-Slug) and host-less calls alone", () => {
    expect(servesHost(acme, "livery.test", "livery.test")).toBe(true);
    expect(servesHost(acme, null, "livery.test")).toBe(true);
  });
});
