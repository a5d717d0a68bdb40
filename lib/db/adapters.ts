// Driver adapters for Prisma, chosen from DATABASE_URL. Shared by the app
// (lib/db/client.ts), the Prisma CLI (prisma.config.ts) and the scripts, so it
// must not import "server-only": the CLI's config loader cannot resolve it.
// It holds no secrets itself; the URL is passed in.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

export function pgliteDirectory(dataDir: string): string {
  return path.resolve(dataDir, "pglite");
}

/**
 * WORKAROUND for prisma/orm#27403: the WebAssembly schema engine cannot
 * deserialize the Postgres types `name` (oid 19) and `"char"` (oid 18) that
 * its catalog queries return through @prisma/adapter-pg ("Column type 'name'
 * could not be deserialized"). Both are plain text on the wire, so we report
 * them as `text` (oid 25). Delete this class once the upstream fix lands.
 */
const OID_CHAR = 18;
const OID_NAME = 19;
const OID_TEXT = 25;

type FieldList = { dataTypeID: number }[];

function reportCatalogTypesAsText(result: unknown): void {
  const fields = (result as { fields?: FieldList } | null)?.fields;
  if (!Array.isArray(fields)) return;
  for (const field of fields) {
    if (field.dataTypeID === OID_NAME || field.dataTypeID === OID_CHAR) field.dataTypeID = OID_TEXT;
  }
}

export class CatalogTypesAsTextPool extends pg.Pool {
  // pg's query() has many overloads; we only post-process the promise form,
  // which is the only one the Prisma adapter uses.
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) {
      return result.then((value: unknown) => {
        reportCatalogTypesAsText(value);
        return value;
      }) as never;
    }
    return result as never;
  }
}

/**
 * Both adapters mishandle migration scripts, which the schema engine sends
 * through `executeScript`:
 * - @prisma/adapter-pg 6.19 splits the script on every ";", which breaks
 *   `DO $$ ... $$` blocks, functions and comments containing a semicolon;
 * - pglite-prisma-adapter 0.6.1 does not await `exec`, so a failing script is
 *   reported as applied and its error surfaces later as an unhandled rejection.
 * Postgres and PGlite both accept a whole multi-statement script in one simple
 * query (on Postgres it also runs as one implicit transaction), so we send it
 * whole and await it.
 */
function sendScriptsWhole<A extends SqlDriverAdapter>(adapter: A, exec: (script: string) => Promise<unknown>): A {
  adapter.executeScript = async (script: string) => {
    try {
      await exec(script);
    } catch (error) {
      (adapter as unknown as { onError(e: unknown): never }).onError(error);
    }
  };
  return adapter;
}

class WholeScriptPgFactory extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver() as pg.Pool;
    return sendScriptsWhole(adapter, (script) => pool.query(script));
  }

  override async connectToShadowDb() {
    const adapter = await super.connectToShadowDb();
    const pool = adapter.underlyingDriver() as pg.Pool;
    return sendScriptsWhole(adapter, (script) => pool.query(script));
  }
}

export function createPostgresAdapter(url: string, options: { max?: number } = {}) {
  const pool = new CatalogTypesAsTextPool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection that the server drops (a restart, a failover) emits
  // "error" on the pool; unhandled, that would end the process. The pool has
  // already discarded the client, and the next query opens a new one.
  pool.on("error", (error) => console.error(`[db] idle connection lost: ${error.message}`));
  return new WholeScriptPgFactory(pool, { disposeExternalPool: true });
}

/**
 * pglite-prisma-adapter 0.6.1 was written against Prisma 6.10's error format.
 * Prisma 6.19 reads `originalCode`/`originalMessage` and known kinds such as
 * UniqueConstraintViolation (→ P2002); without them every PGlite error reads
 * "Code: N/A. Message: undefined". We translate errors the way
 * @prisma/adapter-pg does, so both databases raise the same Prisma errors.
 */
type PgliteDatabaseError = Error & { code?: string; severity?: string; detail?: string; column?: string; hint?: string };

function keyFields(detail: string | undefined): string[] | undefined {
  return detail
    ?.match(/Key \(([^)]+)\)/)
    ?.at(1)
    ?.split(", ")
    .map((f) => f.replace(/^"|"$/g, ""));
}

export function toDriverAdapterError(error: PgliteDatabaseError): DriverAdapterError {
  const original = { originalCode: error.code ?? "UNKNOWN", originalMessage: error.message };
  const fields = keyFields(error.detail);
  switch (error.code) {
    case "23505":
      return new DriverAdapterError({
        ...original,
        kind: "UniqueConstraintViolation",
        constraint: fields ? { fields } : undefined,
      });
    case "23502":
      return new DriverAdapterError({
        ...original,
        kind: "NullConstraintViolation",
        constraint: error.column ? { fields: [error.column] } : undefined,
      });
    case "23503":
      return new DriverAdapterError({
        ...original,
        kind: "ForeignKeyConstraintViolation",
        constraint: fields ? { fields } : undefined,
      });
    case "22001":
      return new DriverAdapterError({ ...original, kind: "LengthMismatch", column: error.column });
    case "22003":
      return new DriverAdapterError({ ...original, kind: "ValueOutOfRange", cause: error.message });
    case "40001":
      return new DriverAdapterError({ ...original, kind: "TransactionWriteConflict" });
    default:
      return new DriverAdapterError({
        ...original,
        kind: "postgres",
        code: error.code ?? "UNKNOWN",
        severity: error.severity ?? "ERROR",
        message: error.message,
        detail: error.detail,
        column: error.column,
        hint: error.hint,
      });
  }
}

/**
 * The adapter also passes arguments to PGlite as Prisma 6.10 sent them.
 * Prisma 6.19 sends `Bytes` as base64 strings (with `argTypes` saying so),
 * which PGlite refuses ("Invalid input for bytea type"). We decode them the
 * way @prisma/adapter-pg does.
 */
type ArgType = { scalarType?: string; arity?: string };

function mapPgliteArg(arg: unknown, argType: ArgType | undefined): unknown {
  if (arg === null || argType === undefined) return arg;
  if (Array.isArray(arg) && argType.arity === "list") return arg.map((value: unknown) => mapPgliteArg(value, argType));
  if (typeof arg === "string" && argType.scalarType === "bytes") return new Uint8Array(Buffer.from(arg, "base64"));
  if (Array.isArray(arg) && argType.scalarType === "bytes") return Uint8Array.from(arg as number[]);
  return arg;
}

type PgliteQueryable = {
  onError(error: unknown): never;
  performIO(query: { sql: string; args: unknown[]; argTypes?: ArgType[] }): Promise<unknown>;
};

let pglitePatched = false;

/** Patches the adapter's shared base class (used by the adapter and its transactions) once. */
function patchPgliteQueryable(adapter: SqlDriverAdapter): void {
  if (pglitePatched) return;
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as PgliteQueryable;
  queryable.onError = (error: unknown): never => {
    if (error instanceof Error && typeof (error as PgliteDatabaseError).code === "string") {
      throw toDriverAdapterError(error as PgliteDatabaseError);
    }
    throw error;
  };
  const performIO = queryable.performIO;
  queryable.performIO = function (this: PgliteQueryable, query) {
    const args = query.args.map((arg, i) => mapPgliteArg(arg, query.argTypes?.[i]));
    return performIO.call(this, { ...query, args });
  };
  pglitePatched = true;
}

class WholeScriptPgliteFactory extends PrismaPGlite {
  constructor(private readonly pglite: PGlite) {
    super(pglite);
  }

  override async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    patchPgliteQueryable(adapter);
    return sendScriptsWhole(adapter, (script) => this.pglite.exec(script));
  }

  /**
   * `prisma migrate dev` replays every migration on a throwaway in-memory
   * database. It sends each migration through executeRaw without parameters,
   * which PGlite runs as one prepared statement ("cannot insert multiple
   * commands into a prepared statement"); such calls go through `exec`.
   */
  override async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = newPglite();
    const adapter = await new PrismaPGlite(shadow).connect();
    patchPgliteQueryable(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length > 0) return executeRaw(query);
      const results = await shadow.exec(query.sql);
      return results.reduce((sum, r) => sum + (r.affectedRows ?? 0), 0);
    };
    return sendScriptsWhole(adapter, (script) => shadow.exec(script));
  }
}

export function createPgliteAdapter(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return new WholeScriptPgliteFactory(pglite);
}

/**
 * A PGlite with the contrib extensions our migrations create (pg_trgm, for
 * the tenant search's trigram indexes); in memory without a directory.
 * Every PGlite the project opens goes through here, or a migration that
 * says `CREATE EXTENSION` fails on it.
 */
export function newPglite(directory?: string): PGlite {
  const options = { extensions: { pg_trgm } };
  // PGlite reads a first argument of `undefined` as a directory and drops the options.
  return directory === undefined ? new PGlite(options) : new PGlite(directory, options);
}

export function openPglite(dataDir: string): PGlite {
  // PGlite creates its own folder but not the ones above it.
  fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  return newPglite(pgliteDirectory(dataDir));
}
