import { describe, expect, it } from "vitest";
import { isApex, judgeRouting, recordsToCreate } from "./records";

const txt = { name: "_livery.portal.example.com", value: "livery-verify=abc" };
const edge = { hostname: "edge.livery.example", ipv4: "203.0.113.10", ipv6: "2001:db8::10" };

describe("the DNS records a tenant creates", () => {
  it.each([
    ["example.com", true],
    ["shop.co.uk", true],
    ["portal.example.com", false],
    ["portal.shop.co.uk", false],
    // A private suffix on the Public Suffix List: each name under it is someone's apex.
    ["acme.github.io", true],
  ])("%s is an apex: %s", (hostname, apex) => {
    expect(isApex(hostname)).toBe(apex);
  });

  it("a subdomain gets the TXT proof and a CNAME to the edge", () => {
    expect(recordsToCreate("portal.example.com", txt, edge).map((r) => [r.type, r.name, r.value])).toEqual([
      ["TXT", "_livery.portal.example.com", "livery-verify=abc"],
      ["CNAME", "portal.example.com", "edge.livery.example"],
    ]);
  });

  it("an apex gets A and AAAA to the edge's addresses, with ALIAS as the alternative", () => {
    expect(recordsToCreate("example.com", txt, edge).map((r) => [r.type, r.value])).toEqual([
      ["TXT", "livery-verify=abc"],
      ["A", "203.0.113.10"],
      ["AAAA", "2001:db8::10"],
      ["ALIAS", "edge.livery.example"],
    ]);
  });

  it("an apex with no configured addresses is told to use ALIAS, never a CNAME", () => {
    const records = recordsToCreate("example.com", txt, { hostname: "edge.livery.example" });
    expect(records.map((r) => r.type)).toEqual(["TXT", "ALIAS"]);
    expect(records[1]!.purpose).toMatch(/cannot have a CNAME/);
  });
});

describe("whether a domain points at the edge", () => {
  const at = { hostname: "edge.livery.example", addresses: ["203.0.113.10", "2001:db8::10"] };

  it("a CNAME to the edge counts, with or without the trailing dot and in any case", () => {
    expect(judgeRouting({ cname: ["Edge.Livery.Example."], a: ["198.51.100.1"], aaaa: [] }, at)).toEqual({
      records: "CNAME Edge.Livery.Example., A 198.51.100.1",
      toEdge: true,
    });
  });

  it("an address of the edge counts, IPv6 in any spelling", () => {
    expect(judgeRouting({ cname: [], a: [], aaaa: ["2001:0db8:0:0::0010"] }, at).toEdge).toBe(true);
    expect(judgeRouting({ cname: [], a: ["203.0.113.10"], aaaa: [] }, at).toEdge).toBe(true);
  });

  it("anything else does not, and no record at all says so", () => {
    expect(judgeRouting({ cname: ["elsewhere.example.net"], a: ["198.51.100.1"], aaaa: [] }, at).toEdge).toBe(false);
    expect(judgeRouting({ cname: [], a: [], aaaa: [] }, at)).toEqual({
      records: "no CNAME, A or AAAA record",
      toEdge: false,
    });
  });
});
