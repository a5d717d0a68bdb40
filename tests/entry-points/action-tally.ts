import type { Case, Variant } from "./action-cases";
import type { Verdict } from "./action-oracle";
import type { ActionSpec } from "./action-specs";

// Per action and credential variant, how many calls succeeded and how many
// were refused; the suite fails unless every variant that can succeed has
// at least one of each, and every other variant at least one refusal (a
// setup that refuses everything, or lets everything through, proves nothing).

export type VariantCount = { success: number; refused: number; expectsSuccess: boolean };

export class Tally {
  private readonly counts = new Map<string, Map<Variant, VariantCount>>();
  /** Calls whose internal error is a known open bug (tests/entry-points/known-action-bugs.ts), by bug. */
  readonly known = new Map<string, string[]>();
  private readonly durations: number[] = [];

  record(c: Case, verdict: Verdict, ms: number, label: string): void {
    const variants = this.counts.get(c.action.key) ?? new Map<Variant, VariantCount>();
    const n = variants.get(c.variant) ?? { success: 0, refused: 0, expectsSuccess: false };
    if (verdict.outcome === "success") n.success++;
    if (verdict.outcome === "refused") n.refused++;
    if (c.expect.kind === "success") n.expectsSuccess = true;
    variants.set(c.variant, n);
    this.counts.set(c.action.key, variants);
    if (verdict.knownBug) this.known.set(verdict.knownBug, [...(this.known.get(verdict.knownBug) ?? []), label]);
    this.durations.push(ms);
  }

  problems(specs: ActionSpec[]): string[] {
    const problems: string[] = [];
    for (const a of specs) {
      const variants = this.counts.get(a.key);
      if (!variants) problems.push(`${a.key}: no case ran`);
      for (const [variant, n] of variants ?? []) {
        if (n.refused === 0) problems.push(`${a.key}: no refusal as ${variant}`);
        if (n.expectsSuccess && n.success === 0) problems.push(`${a.key}: no success as ${variant}`);
      }
    }
    return problems;
  }

  /** One line per action (successes / refusals, then per variant), a total line, call times, and known bugs hit. */
  table(where: string, ms: number): string {
    const lines: string[] = [];
    let success = 0;
    let refused = 0;
    for (const [key, variants] of this.counts) {
      const s = [...variants.values()].reduce((sum, n) => sum + n.success, 0);
      const r = [...variants.values()].reduce((sum, n) => sum + n.refused, 0);
      success += s;
      refused += r;
      const detail = [...variants].map(([v, n]) => `${v} ${n.success}/${n.refused}`).join(", ");
      lines.push(`  ${key.split(" ")[1]!.padEnd(28)} ${String(s).padStart(3)} / ${String(r).padEnd(3)}  ${detail}`);
    }
    const sorted = [...this.durations].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    const known = [...this.known].map(([id, labels]) => `  known open bug ${id}: ${labels.length} calls, e.g. ${labels[0]}`);
    return [
      `Server Actions on ${where}: ${this.counts.size} actions, ${success + refused} calls judged ` +
        `(${success} succeeded, ${refused} refused), ${(ms / 1000).toFixed(1)} s; ` +
        `per call median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
      "  action                       success / refused  (per variant: success/refused)",
      ...lines,
      ...known,
    ].join("\n");
  }
}
