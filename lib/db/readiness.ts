import "server-only";
import { getEnv } from "@/lib/env";
import { rawDb } from "./client";
import { getMigrationStatus, type MigrationStatus } from "./migrations";

export type Readiness = {
  ready: boolean;
  status: "ready" | "not_ready";
  database: {
    kind: "embedded" | "postgres";
    reachable: boolean;
    migrations?: MigrationStatus;
    /** A short reason, never a connection string or a driver's internals. */
    problem?: string;
  };
};

export async function getReadiness(): Promise<Readiness> {
  const kind = getEnv().DATABASE_URL ? "postgres" : "embedded";
  try {
    await rawDb().$queryRaw`SELECT 1`;
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
        ...(ready ? {} : { problem: "migrations pending: run npm run db:migrate" }),
      },
    };
  } catch {
    return { ready: false, status: "not_ready", database: { kind, reachable: true, problem: "migration status unreadable" } };
  }
}
