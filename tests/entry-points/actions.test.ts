import { describe, expect, it } from "vitest";
import { type Case, casesFor, describeCase } from "./action-cases";
import { validInput } from "./action-inputs";
import { loadActionSpecs } from "./action-specs";
import { Tally } from "./action-tally";
import { liveSuite } from "./live-suite";
import { builtActions } from "./manifest";

// Every Server Action × credential variant × hostile input, over HTTP against
// the production build, on one database per run (npm run test:isolation runs
// it on PGlite, PostgreSQL and PgBouncer). See docs/reliability.md, "Server
// Actions in the matrix and the fuzz suite".

const specs = await loadActionSpecs();
const cases: Case[] = specs.flatMap(casesFor);
const suite = liveSuite(() => cases);
const tally = new Tally();
let otherAfter: Record<string, unknown[]>;

/** The server's own log lines for a request id an internal error quoted: the exception, for the report. */
function serverLines(problem: string): string {
  const id = /request id ([0-9a-f-]{36})/.exec(problem)?.[1];
  if (!id) return "";
  const log = suite.log().split("\n");
  const at = log.findIndex((line) => line.includes(id));
  const lines = log.slice(at, at + 12).filter((line) => line.trim() !== "" && !line.includes("node_modules"));
  return at === -1 ? "" : `\n    server: ${lines.slice(0, 6).join("\n    ")}`;
}

async function runAll(list: Case[]): Promise<string[]> {
  const failures: string[] = [];
  for (const c of list) {
    const label = `${c.action.name}: ${describeCase(c)}`;
    const { verdict, answer } = await suite.runner().run(c, label);
    tally.record(c, verdict, answer.doneAt - answer.sentAt, label);
    if (verdict.problems.length > 0) failures.push(`${label}: ${verdict.problems.map((p) => p + serverLines(p)).join("; ")}`);
  }
  return failures;
}

describe("Server Actions over HTTP", () => {
  it("the build's manifest names exactly the Server Actions of the source (checked first by the global setup)", () => {
    const built = (builtActions() ?? []).map((b) => `${b.file} ${b.name}`).sort();
    expect(built).toEqual(specs.map((a) => a.key).sort());
    expect(built.length).toBeGreaterThanOrEqual(25);
  });

  it("has a valid input for every action, hand-written only for ids and values a schema cannot describe", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    for (const a of specs) {
      const ids = Object.fromEntries(a.fields.filter((f) => f.id).map((f) => [f.name, id]));
      expect(a.input.safeParse(validInput(a.input, ids)).success, a.key).toBe(true);
    }
  });

  it.each(specs.map((a) => [a.key, a] as const))("%s", async (_, a) => {
    const failures = await runAll(cases.filter((c) => c.action === a));
    expect(failures.slice(0, 20), `${failures.length} failing cases`).toEqual([]);
  });

  it("no refused call changed anything, and every success changed only the tenant it acts on (audit log)", async () => {
    const report = await suite.finish();
    otherAfter = report.otherRows;
    console.log(`audit log: ${report.entries} entries written by the run, each accounted for by one call`);
    if (report.successesWithoutEntry.length > 0) {
      console.log(`successes that wrote no audit entry:\n  ${report.successesWithoutEntry.join("\n  ")}`);
    }
    expect(report.problems).toEqual([]);
  });

  it("left every row of the other tenant as seeded (it is only ever a target)", () => {
    expect(Object.keys(otherAfter).length).toBeGreaterThanOrEqual(12);
    expect(otherAfter).toEqual(suite.otherRowsAtSeed());
  });

  it("gave every action a success and a refusal in every variant that can succeed, a refusal in every other", () => {
    console.log(tally.table(suite.label(), Date.now() - suite.started()));
    expect(tally.problems(specs)).toEqual([]);
  });
});
