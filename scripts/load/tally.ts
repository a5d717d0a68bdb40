// Counts what the load generator saw, and what must never be seen.
export class Tally {
  readonly ok: Record<string, number>;
  readonly statuses = new Map<number, number>();
  serverErrors = 0;
  leaks = 0;
  unexpected = 0;
  apiOk = 0;

  constructor(
    private readonly tenants: readonly string[],
    private readonly brands: Record<string, string>,
  ) {
    this.ok = Object.fromEntries(tenants.map((t) => [t, 0]));
  }

  count(status: number): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (status >= 500) this.serverErrors += 1;
    if (status >= 200 && status < 300) this.apiOk += 1;
  }

  api(slug: string, status: number, body: string, headers: Record<string, unknown> = {}): void {
    this.count(status);
    if (status >= 200 && status < 300) this.ok[slug]! += 1;
    // Tenant info names its tenant; other answers (content lists) must at least name no other.
    if (status === 200 && body.includes('"slug"') && !body.includes(`"slug":"${slug}"`)) this.leaks += 1;
    for (const other of this.tenants) if (other !== slug && body.includes(`"slug":"${other}"`)) this.leaks += 1;
    const clean503 = status === 503 && headers["retry-after"] !== undefined && body.includes('"code":"service_unavailable"');
    if (status !== 200 && status !== 429 && !clean503) this.unexpected += 1;
  }

  page(slug: string, status: number, body: string): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (status >= 500) this.serverErrors += 1;
    if (status === 200 && !body.includes(`--brand-primary:${this.brands[slug]}`)) this.leaks += 1;
    for (const other of this.tenants) {
      if (other !== slug && this.brands[other] !== this.brands[slug] && body.includes(`--brand-primary:${this.brands[other]}`)) {
        this.leaks += 1;
      }
    }
  }

  print(): void {
    const statuses = [...this.statuses.entries()].sort(([x], [y]) => x - y).map(([s, n]) => `${s}×${n}`);
    console.log(`   statuses ${statuses.join(", ")}; 2xx by tenant ${JSON.stringify(this.ok)}`);
  }
}

export function assert(condition: boolean, what: string): void {
  console.log(`   ${condition ? "ok  " : "FAIL"} ${what}`);
  if (!condition) process.exitCode = 1;
}
