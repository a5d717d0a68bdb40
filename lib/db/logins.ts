import "server-only";
import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";
import type pg from "pg";
import { PLATFORM_ROLE, TENANT_ROLE } from "./tenant";

/**
 * The three PostgreSQL logins of decision "Three database logins", created
 * or brought up to date from an administrator's connection (`npm run
 * db:roles`, scripts/db-roles.ts). Idempotent: run it again at any time.
 *
 * - migrator: owns the `public` schema and runs the migrations; may create
 *   schemas and trusted extensions in this database; NOINHERIT member of both
 *   NOLOGIN roles (the first migration grants them to whoever migrates, and
 *   the app falls back to this login when the two below are not set).
 * - tenant:   NOINHERIT member of `livery_tenant` only, so it holds no table
 *   privilege of its own: after a RESET ROLE it reads nothing at all.
 * - platform: NOINHERIT member of `livery_platform` only, and owner of the
 *   `pgboss` schema, where the job queue (pg-boss) creates its own tables.
 */
export type LoginKind = "migrator" | "tenant" | "platform";
export type LoginNames = Record<LoginKind, string>;
export type LoginOutcome = { name: string; created: boolean; password?: string };

export const DEFAULT_LOGIN_NAMES: LoginNames = {
  migrator: "livery_migrator",
  tenant: "livery_app_tenant",
  platform: "livery_app_platform",
};

export const JOB_QUEUE_SCHEMA = "pgboss";

// The attributes an app login must have, whatever it had before.
const APP_LOGIN = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT";

/**
 * A SCRAM-SHA-256 verifier, so the password itself never reaches the server
 * (where `log_statement = ddl` would write it to the log). The format and
 * derivation are PostgreSQL's (RFC 5802/7677, 4096 iterations); passwords are
 * printable ASCII, for which SASLprep changes nothing.
 */
export function scramVerifier(password: string, salt = randomBytes(16)): string {
  const salted = pbkdf2Sync(password, salt, 4096, 32, "sha256");
  const clientKey = createHmac("sha256", salted).update("Client Key").digest();
  const storedKey = createHash("sha256").update(clientKey).digest();
  const serverKey = createHmac("sha256", salted).update("Server Key").digest();
  return `SCRAM-SHA-256$4096:${salt.toString("base64")}$${storedKey.toString("base64")}:${serverKey.toString("base64")}`;
}

export function generatePassword(): string {
  return randomBytes(24).toString("base64url");
}

type Db = Pick<pg.ClientBase, "query" | "escapeIdentifier" | "escapeLiteral">;

async function roleInfo(db: Db, name: string) {
  const { rows } = await db.query<{ rolsuper: boolean }>("SELECT rolsuper FROM pg_roles WHERE rolname = $1", [name]);
  return rows[0];
}

async function ensureNologinRole(db: Db, name: string): Promise<void> {
  if (await roleInfo(db, name)) return;
  await db.query(`CREATE ROLE ${db.escapeIdentifier(name)} NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT`);
}

async function ensureLogin(db: Db, kind: LoginKind, name: string, password: string | undefined): Promise<LoginOutcome> {
  const id = db.escapeIdentifier(name);
  const existing = await roleInfo(db, name);
  if (existing?.rolsuper && kind !== "migrator") {
    throw new Error(`${name} is a superuser: choose another name for the ${kind} login (db:roles never demotes a role)`);
  }
  const secret = password ?? (existing ? undefined : generatePassword());
  const passwordClause = secret ? ` PASSWORD ${db.escapeLiteral(scramVerifier(secret))}` : "";
  // The migrator may be an existing owner login: only app logins are forced to
  // the bare minimum. A new migrator is NOINHERIT too, so that the platform
  // policy (TO livery_platform) does not apply to it unless it switches role:
  // with FORCE, its own queries then see no rows, as the owner's should.
  const attributes = kind !== "migrator" ? APP_LOGIN : existing ? "LOGIN" : "LOGIN NOINHERIT";
  await db.query(`${existing ? "ALTER" : "CREATE"} ROLE ${id} ${attributes}${passwordClause}`);
  return { name, created: !existing, ...(secret ? { password: secret } : {}) };
}

/** Makes `login` a member of exactly `roles`, revoking any other membership. */
async function setMemberships(db: Db, login: string, roles: string[]): Promise<void> {
  const { rows } = await db.query<{ role: string }>(
    `SELECT r.rolname AS role FROM pg_auth_members m
     JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = $1`,
    [login],
  );
  const current = new Set(rows.map((r) => r.role));
  for (const role of current) {
    if (!roles.includes(role)) await db.query(`REVOKE ${db.escapeIdentifier(role)} FROM ${db.escapeIdentifier(login)}`);
  }
  for (const role of roles) {
    if (!current.has(role)) await db.query(`GRANT ${db.escapeIdentifier(role)} TO ${db.escapeIdentifier(login)}`);
  }
}

/**
 * Creates or updates the three logins for the database `admin` is connected
 * to, in one transaction. `passwords` sets a login's password; a login
 * created without one gets a generated password, returned once; an existing
 * login without one keeps its password.
 */
export async function ensureDatabaseLogins(
  admin: Db,
  options: { names?: LoginNames; passwords?: Partial<Record<LoginKind, string>> } = {},
): Promise<Record<LoginKind, LoginOutcome>> {
  const names = options.names ?? DEFAULT_LOGIN_NAMES;
  const q = (name: string) => admin.escapeIdentifier(name);
  const [{ database }] = (await admin.query<{ database: string }>("SELECT current_database() AS database")).rows as [
    { database: string },
  ];
  const [me] = (
    await admin.query<{ rolsuper: boolean; rolcreaterole: boolean }>(
      "SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user",
    )
  ).rows;
  if (!me?.rolsuper && !me?.rolcreaterole)
    throw new Error("db:roles needs an administrator: a superuser or a role with CREATEROLE");
  await admin.query("BEGIN");
  try {
    for (const role of [TENANT_ROLE, PLATFORM_ROLE]) await ensureNologinRole(admin, role);
    const outcome = {} as Record<LoginKind, LoginOutcome>;
    for (const kind of ["migrator", "tenant", "platform"] as const) {
      outcome[kind] = await ensureLogin(admin, kind, names[kind], options.passwords?.[kind]);
      // A CREATEROLE administrator (a managed server's) must be a member to hand them schemas.
      if (!me.rolsuper) await admin.query(`GRANT ${q(names[kind])} TO CURRENT_USER`);
    }
    await setMemberships(admin, names.tenant, [TENANT_ROLE]);
    await setMemberships(admin, names.platform, [PLATFORM_ROLE]);
    for (const role of [TENANT_ROLE, PLATFORM_ROLE]) {
      const member = await admin.query("SELECT pg_has_role($1, $2, 'MEMBER') AS m", [names.migrator, role]);
      if (!(member.rows[0] as { m: boolean }).m) await admin.query(`GRANT ${q(role)} TO ${q(names.migrator)}`);
    }

    // CREATE on the database: the migrator creates livery_private and pg_trgm;
    // pg-boss starts its install with CREATE SCHEMA IF NOT EXISTS, which
    // PostgreSQL checks against this privilege even when the schema exists.
    await admin.query(`GRANT CONNECT ON DATABASE ${q(database)} TO ${q(names.tenant)}`);
    await admin.query(`GRANT CONNECT, CREATE ON DATABASE ${q(database)} TO ${q(names.migrator)}, ${q(names.platform)}`);
    await admin.query(`ALTER SCHEMA public OWNER TO ${q(names.migrator)}`);
    await admin.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);

    const boss = q(JOB_QUEUE_SCHEMA);
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${boss} AUTHORIZATION ${q(names.platform)}`);
    await admin.query(`ALTER SCHEMA ${boss} OWNER TO ${q(names.platform)}`);
    await admin.query(`REVOKE ALL ON SCHEMA ${boss} FROM PUBLIC`);
    // So that withPlatform may enqueue a job in the same transaction as its data change.
    await admin.query(`GRANT USAGE ON SCHEMA ${boss} TO ${q(PLATFORM_ROLE)}`);
    await admin.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${q(names.platform)} IN SCHEMA ${boss}
       GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${q(PLATFORM_ROLE)}`,
    );
    await admin.query("COMMIT");
    return outcome;
  } catch (error) {
    await admin.query("ROLLBACK");
    throw error;
  }
}

/** Objects in `public` the migrator does not own (outside extensions): migrations would fail on them. */
export async function foreignOwnedObjects(db: Db, migrator: string): Promise<{ name: string; owner: string }[]> {
  const { rows } = await db.query<{ name: string; owner: string }>(
    `SELECT c.relname AS name, pg_get_userbyid(c.relowner) AS owner FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname IN ('public', 'livery_private') AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
       AND pg_get_userbyid(c.relowner) <> $1
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
     ORDER BY 1`,
    [migrator],
  );
  return rows;
}
