import "server-only";
import { getEnv } from "@/lib/env";
import { databaseUrlFor, type Login, rawDb } from "./client";
import { getMigrationStatus, type MigrationStatus } from "./migrations";

/** What a login may do beyond its roles. `superuser: true` means row-level security rests on the role switch alone. */
export type LoginCheck = { superuser: boolean };

export type Readiness = {
  ready: boolean;
  status: "ready" | "not_ready";
  database: {
    kind: "embedded" | "postgres";
    reachable: boolean;
    migrations?: MigrationStatus;
    /** The running app's two logins (on the embedded database both are its one superuser). */
    logins?: Record<Exclude<Login, "owner">, LoginCheck>;
    /** A short reason, never a connection string or a driver's internals. */
    problem?: string;
  };
};

/** Asked before any role switch, so it describes the login itself. */
async function checkLogin(login: Exclude<Login, "owner">): Promise<LoginCheck> {
  const [row] = await rawDb(login).$queryRaw<{ superuser: boolean }[]>`
    SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = session_user`;
  return { superuser: row?.superuser ?? false };
}

export async function getReadiness(): Promise<Readiness> {
  const kind = databaseUrlFor("tenant", getEnv()) ? "postgres" : "embedded";
  let logins: Record<Exclude<Login, "owner">, LoginCheck>;
  try {
    const [tenant, platform] = await Promise.all([checkLogin("tenant"), checkLogin("platform")]);
    logins = { tenant, platform };
  } catch {
    return { ready: false, status: "not_ready", database: { kind, reachable: false, problem: "database unreachable" } };
  }
  try {
    const migrations = await getMigrationStatus();
    const ready = migrations.pending.length === 0;
    return {
      ready,
      status: ready ? "ready" : "not_ready",
      database: {
        kind,
        reachable: true,
        migrations,
        logins,
        ...(ready ? {} : { problem: "migrations pending: run npm run db:migrate" }),
      },
    };
  } catch {
    return {
      ready: false,
      status: "not_ready",
      database: { kind, reachable: true, logins, problem: "migration status unreadable" },
    };
  }
}
