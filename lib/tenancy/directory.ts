// Edge-safe: no Node APIs, no database. The middleware keeps one directory per
// instance; see docs/tenancy.md for the staleness bounds.

/**
 * What the middleware knows of a tenant (decision 30): enough to route, refuse
 * and set per-tenant headers — never a secret, never anything that must be
 * exact at once (the Node layer re-checks status and permissions).
 */
export type DirectoryTenant = {
  id: string;
  slug: string;
  name: string;
  status: "ACTIVE" | "SUSPENDED";
  /** security.allowedDomains: the origins that may call its API with keys and frame its pages. */
  allowedDomains: string[];
};

/** Where an entry comes from on a miss: the internal resolve endpoint, or a stub in tests. */
export type DirectoryLookup = (host: string) => Promise<DirectoryTenant | null>;

export type DirectoryOptions = {
  lookup: DirectoryLookup;
  /** How long a found tenant is trusted. */
  ttlMs?: number;
  /** How long "no tenant here" is trusted: short, so a new tenant appears quickly. */
  negativeTtlMs?: number;
  /** Entries kept at most; the oldest go first. Bounds memory under random-host floods. */
  maxEntries?: number;
  now?: () => number;
};

export const DIRECTORY_TTL_MS = 5_000;
export const DIRECTORY_NEGATIVE_TTL_MS = 2_000;

type Entry = { tenant: DirectoryTenant | null; expiresAt: number };

export class TenantDirectory {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<DirectoryTenant | null>>();
  private readonly ttlMs: number;
  private readonly negativeTtlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(private readonly options: DirectoryOptions) {
    this.ttlMs = options.ttlMs ?? DIRECTORY_TTL_MS;
    this.negativeTtlMs = options.negativeTtlMs ?? DIRECTORY_NEGATIVE_TTL_MS;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** The tenant serving `host` (already normalised), or null. Concurrent misses share one lookup. */
  async resolve(host: string): Promise<DirectoryTenant | null> {
    const entry = this.entries.get(host);
    if (entry && entry.expiresAt > this.now()) return entry.tenant;
    const pending = this.inFlight.get(host);
    if (pending) return pending;
    const lookup = this.options
      .lookup(host)
      .then((tenant) => {
        this.remember(host, tenant);
        return tenant;
      })
      .finally(() => this.inFlight.delete(host));
    this.inFlight.set(host, lookup);
    return lookup;
  }

  forget(host: string): void {
    this.entries.delete(host);
  }

  get size(): number {
    return this.entries.size;
  }

  private remember(host: string, tenant: DirectoryTenant | null): void {
    this.entries.delete(host);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(host, { tenant, expiresAt: this.now() + (tenant ? this.ttlMs : this.negativeTtlMs) });
  }
}
