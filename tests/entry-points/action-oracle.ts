import { type ActionAnswer, asResult, type ResultShape } from "./action-client";
import type { Case } from "./action-cases";
import type { ActionWorld, TenantRef } from "./action-world";
import { knownActionBug } from "./known-action-bugs";

// What an answer must be, as the REST matrix's oracle says it for routes:
// the expected result (ActionResult `ok`/`code`, or the middleware's 403 for
// a suspended host), never an internal error, and no token of a tenant the
// caller is not entitled to. "Nothing changed on refusal" is judged at the
// end from the audit log (action-audit.ts) and the other tenant's snapshot.

export type Outcome = "success" | "refused" | "broken";
/** `knownBug`: the internal error was one of tests/entry-points/known-action-bugs.ts, counted instead of failing. */
export type Verdict = { outcome: Outcome; problems: string[]; knownBug?: string };

function outcomeOf(answer: ActionAnswer, result: ResultShape | null): Outcome {
  if (answer.redirect && answer.status === 200) return "success"; // redirect() after the work, as sign-out-everywhere does
  if (result) return result.ok ? "success" : "refused";
  // The middleware refuses a suspended host itself, before any action runs.
  if (answer.status === 403 && answer.unreadable) return "refused";
  return "broken";
}

function describe(answer: ActionAnswer, result: ResultShape | null): string {
  if (result)
    return `${result.ok ? "ok" : `refused ${result.code ?? "(no code)"}`}: ${JSON.stringify(result.message).slice(0, 200)}`;
  if (answer.thrown !== undefined)
    return `HTTP ${answer.status}, the action threw ${JSON.stringify(answer.thrown).slice(0, 200)}`;
  return `HTTP ${answer.status} ${answer.unreadable ?? ""} ${JSON.stringify(answer.text.slice(0, 200))}`;
}

/**
 * The tenants whose data an answer may show: a session's own tenant on its own
 * host (acting included), whatever the outcome; the tenant a success acted on;
 * both seeded tenants on the platform's screens.
 */
function entitled(c: Case, outcome: Outcome): TenantRef[] {
  const refs = new Set<TenantRef>();
  const s = c.session;
  if (s.kind === "user" && c.host === s.tenant) refs.add(s.tenant);
  if (s.kind === "acting" && c.host === "own") refs.add("own");
  if (outcome === "success") {
    if (c.action.access === "platform") return ["own", "other", "peer"];
    if (c.actsOn !== "platform") refs.add(c.actsOn);
  }
  return [...refs];
}

export function judge(
  c: Case,
  answer: ActionAnswer,
  input: unknown,
  sent: string,
  world: ActionWorld,
  twin?: ActionAnswer,
): Verdict {
  const result = asResult(answer.value);
  const outcome = outcomeOf(answer, result);
  const problems: string[] = [];
  const got = describe(answer, result);
  const e = c.expect;
  let knownBug: string | undefined;
  if (outcome === "broken") problems.push(`not an ActionResult: ${got}`);
  if (result?.code === "internal_error" || answer.status >= 500) {
    knownBug = knownActionBug(c.action.name, input)?.id;
    if (!knownBug) problems.push(`an internal error: ${got}`);
  }
  if (e.kind === "success" && outcome !== "success") problems.push(`expected success, got ${got}`);
  if (e.kind === "refused" || e.kind === "same as unknown") {
    if (outcome !== "refused" || !result)
      problems.push(`expected a refusal${"code" in e && e.code ? ` (${e.code})` : ""}, got ${got}`);
    else if (e.kind === "refused" && e.code && result.code !== e.code) problems.push(`expected ${e.code}, got ${got}`);
  }
  if (e.kind === "suspended host") {
    const middleware = answer.status === 403 && !result;
    if (!middleware && result?.code !== "tenant_suspended") problems.push(`expected the suspended host's 403, got ${got}`);
  }
  if (e.kind === "same as unknown" && twin) {
    const other = asResult(twin.value);
    if (!other || other.ok || other.code !== result?.code || other.message !== result?.message) {
      problems.push(`another tenant's id is answered unlike an id that names nothing: ${got} vs ${describe(twin, other)}`);
    }
  }
  // What the caller sent may come back (a refusal echoes the values); anything else of a tenant it may not see is a leak.
  for (const ref of ["own", "other", "peer"] as const) {
    if (entitled(c, outcome).includes(ref)) continue;
    const leaked = world[ref].tokens.filter((token) => answer.text.includes(token) && !sent.includes(token));
    if (leaked.length > 0) problems.push(`the answer shows the ${ref} tenant's ${leaked.slice(0, 5).join(", ")}`);
  }
  return { outcome, problems, knownBug };
}
