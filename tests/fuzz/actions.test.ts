import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Case, casesFor } from "../entry-points/action-cases";
import { loadActionSpecs } from "../entry-points/action-specs";
import { liveSuite } from "../entry-points/live-suite";
import { actionInput } from "./action-arbitraries";
import { FUZZ_RUNS, FUZZ_SEED, seedFor } from "./harness";

// Every Server Action with generated inputs, over HTTP against the production
// build, each sent with a session that may use it (its main permitted case in
// the matrix): never an internal error or a 5xx, always an ActionResult, no
// other tenant's data, and a refused call changes nothing (audit log, read at
// the end). Runs per action are FUZZ_RUNS / 3 (10 by default): each is a
// real HTTP request, and the REST fuzzing keeps its own budget.

const RUNS = Math.max(1, Math.round(FUZZ_RUNS / 3));
const specs = await loadActionSpecs();

/** The case a fuzz run varies: the matrix's first success with a permitted session, on rows that are not consumed. */
function baseCase(cases: Case[]): Case {
  const success = cases.find((c) => c.expect.kind === "success" && c.host !== "peer")!;
  const owner = success.rows.kind === "otherTenant" ? "own" : success.rows.owner;
  return { ...success, rows: { kind: "anchor", owner }, expect: { kind: "not internal" } };
}

const bases = specs.map((a) => baseCase(casesFor(a)));
// A caller a success would end (sign out everywhere, say) is fresh for every run.
const suite = liveSuite(() => bases.flatMap((c) => Array.from({ length: RUNS }, () => c)));
let calls = 0;
const knownHits = new Map<string, number>();
let finished: Awaited<ReturnType<typeof suite.finish>>;

function shown(input: unknown): string {
  const text = JSON.stringify(input) ?? String(input);
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}

describe("fuzzed Server Action inputs", () => {
  it.each(bases.map((c) => [c.action.key, c] as const))("%s", async (name, c) => {
    const valid = suite.runner().validInput(c);
    const input = actionInput(valid, c.action.fields).map((value) => ({ value, [fc.toStringMethod]: () => shown(value) }));
    await fc.assert(
      fc.asyncProperty(input, async ({ value }) => {
        const { verdict, answer } = await suite.runner().run(c, `fuzz ${c.action.name} #${calls++}`, { input: value });
        if (verdict.knownBug) knownHits.set(verdict.knownBug, (knownHits.get(verdict.knownBug) ?? 0) + 1);
        if (verdict.problems.length > 0) {
          throw new Error(
            `${verdict.problems.join("; ")}\n  input ${shown(value)}\n  → HTTP ${answer.status} ${answer.text.slice(0, 400)}`,
          );
        }
      }),
      { seed: seedFor(`action ${name}`), numRuns: RUNS, endOnFailure: true },
    );
  });

  it("no refused call changed anything (audit log)", async () => {
    const report = (finished = await suite.finish());
    console.log(
      `fuzz actions on ${suite.label()}: ${calls} calls, ${RUNS} per action (FUZZ_SEED=${FUZZ_SEED}, FUZZ_RUNS=${FUZZ_RUNS}), ` +
        `${report.entries} audit entries, ${((Date.now() - suite.started()) / 1000).toFixed(1)} s` +
        [...knownHits].map(([id, n]) => `; internal errors from the known open bug ${id} (known-action-bugs.ts) ×${n}`).join(""),
    );
    expect(report.problems).toEqual([]);
  });

  it("left every row of the other tenant as seeded (no fuzzed call acts on it)", () => {
    expect(finished.otherRows).toEqual(suite.otherRowsAtSeed());
  });
});
