// npm run test:load — two `next start` instances on one PostgreSQL and one
// Redis under mixed tenant traffic, with faults. See docs/reliability.md.
//   LOAD_SECONDS (60), LOAD_CONNECTIONS (200), LOAD_PG_RESTART (command that
//   restarts PostgreSQL; default: pg_ctlcluster for the local cluster),
//   LOAD_SKIP_PG_RESTART=1 (when other work shares the PostgreSQL server).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import autocannon from "autocannon";
import { generateApiKeySecret } from "@/lib/api-keys/keys";
import { appEnv, call, createDatabase, type Instance, psql, run, sleep, startInstance } from "./load/cluster";
import { assert, Tally } from "./load/tally";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
const PORTS = [3301, 3302] as const;
const TENANTS = ["acme", "globex", "umbrella"] as const;
type Slug = (typeof TENANTS)[number];

function pgRestartCommand(): string[] {
  if (process.env.LOAD_PG_RESTART) return ["sh", "-c", process.env.LOAD_PG_RESTART];
  const version = fs.readdirSync("/etc/postgresql")[0];
  return ["pg_ctlcluster", "--skip-systemctl-redirect", version!, "main", "restart"];
}

async function main(): Promise<void> {
  if (!fs.existsSync(`${process.env.NEXT_DIST_DIR || ".next"}/BUILD_ID`)) run("npm", ["run", "build"]);
  const platformKey = generateApiKeySecret("platform");
  const db = createDatabase();
  const env = appEnv(db.url, platformKey);
  const instances: Instance[] = [];
  try {
    run("npm", ["run", "db:migrate", "--silent"], env);
    run("npm", ["run", "db:seed", "--silent"], env);
    for (const [i, port] of PORTS.entries()) instances.push(await startInstance(`instance ${"AB"[i]}`, port, env));
    const [a, b] = instances as [Instance, Instance];
    const host = (slug: Slug | "hooli" | null, port: number) => (slug ? `${slug}.localhost:${port}` : `localhost:${port}`);

    // Keys and expected brands, made through the API itself.
    const list = await call(a.port, host(null, a.port), "GET", "/api/v1/tenants?limit=100", platformKey);
    const ids = Object.fromEntries((list.json as { data: { slug: string; id: string }[] }).data.map((t) => [t.slug, t.id]));
    const keys = {} as Record<Slug, string>;
    const brands = {} as Record<Slug, string>;
    for (const slug of TENANTS) {
      const created = await call(a.port, host(null, a.port), "POST", `/api/v1/tenants/${ids[slug]}/api-keys`, platformKey, {
        name: "load test",
        permissions: ["read:content", "read:config"],
      });
      keys[slug] = (created.json as { secret: string }).secret;
      const page = await call(a.port, host(slug, a.port), "GET", "/");
      brands[slug] = /--brand-primary:(#[0-9a-f]{6})/.exec(page.text)?.[1] ?? "";
    }
    // A tenant outside the load, whose rate limit the load cannot use up.
    const hooli = await call(a.port, host(null, a.port), "POST", `/api/v1/tenants/${ids.hooli}/api-keys`, platformKey, {
      name: "load test",
      permissions: ["read:content"],
    });
    const hooliKey = (hooli.json as { secret: string }).secret;
    const today = "(now() AT TIME ZONE 'utc')::date";
    const apiCallsToday = () =>
      Number(psql(db.name, `SELECT coalesce(sum("apiCalls"), 0) FROM "TenantUsageMetric" WHERE day = ${today}`));
    const tally = new Tally(TENANTS, brands);

    // 1. Mixed load on both instances.
    console.log(`\n1. ${SECONDS} s, ${CONNECTIONS} connections over two instances, three tenants`);
    const results = await Promise.all(
      instances.map((instance) =>
        autocannon({
          url: `http://127.0.0.1:${instance.port}`,
          connections: CONNECTIONS / 2,
          duration: SECONDS,
          requests: [
            ...TENANTS.map((slug) => ({
              method: "GET" as const,
              path: "/api/v1/tenants/current/info",
              headers: { host: host(slug, instance.port), authorization: `Bearer ${keys[slug]}` },
              onResponse: (status: number, body: string) => tally.api(slug, status, body),
            })),
            {
              method: "GET" as const,
              path: "/",
              headers: { host: host("globex", instance.port) },
              onResponse: (status: number, body: string) => tally.page("globex", status, body),
            },
          ],
        }),
      ),
    );
    for (const [i, result] of results.entries()) {
      console.log(
        `   ${instances[i]!.name}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.non2xx} non-2xx`,
      );
    }
    tally.print();
    assert(tally.serverErrors === 0, "no 5xx under load");
    assert(tally.leaks === 0, "no response carries another tenant's data or brand");
    const umbrella = tally.ok.umbrella ?? 0;
    assert(
      Math.abs(umbrella - 60) <= 3,
      `umbrella (free, 60/min) got ${umbrella} requests through across both instances (60 ± 5%)`,
    );

    // 2. A suspension made on A refuses calls on B at once.
    console.log("\n2. suspension across instances");
    const info = (instance: Instance) =>
      call(instance.port, host("hooli", instance.port), "GET", "/api/v1/tenants/current/info", hooliKey);
    assert((await info(b)).status === 200, "hooli's key works on B (and B has hooli cached)");
    const suspended = await call(a.port, host(null, a.port), "POST", `/api/v1/tenants/${ids.hooli}/suspend`, platformKey, {
      reason: "load test",
    });
    assert(suspended.status === 200, `hooli suspended through A (${suspended.status})`);
    const onB = await info(b);
    assert(
      onB.status === 403 && onB.text.includes("tenant_suspended"),
      `the very next call on B is refused with tenant_suspended (${onB.status})`,
    );
    const activated = await call(b.port, host(null, b.port), "POST", `/api/v1/tenants/${ids.hooli}/activate`, platformKey);
    assert(activated.status === 200, `hooli reactivated through B (${activated.status})`);
    // The API re-checks the tenant on every request; the Edge directory may
    // still hold "suspended" for up to 5 s (docs/tenancy.md), so poll briefly.
    let onA = await info(a);
    for (let i = 0; i < 12 && onA.status !== 200; i += 1) {
      await sleep(500);
      onA = await info(a);
    }
    assert(onA.status === 200, `calls on A are served again after the reactivation on B (${onA.status})`);

    // 3. PostgreSQL restarts in the middle of the load.
    console.log("\n3. PostgreSQL restart under load");
    const skipRestart = process.env.LOAD_SKIP_PG_RESTART === "1";
    if (skipRestart) console.log("   (LOAD_SKIP_PG_RESTART=1: load without the restart)");
    const outage = new Tally(TENANTS, brands);
    const restart = sleep(5_000).then(() => {
      if (skipRestart) return;
      const started = Date.now();
      const [command, ...args] = pgRestartCommand();
      const result = spawnSync(command!, args, { encoding: "utf8" });
      console.log(`   PostgreSQL restarted in ${Date.now() - started} ms (exit ${result.status})`);
    });
    await Promise.all([
      restart,
      ...instances.map((instance) =>
        autocannon({
          url: `http://127.0.0.1:${instance.port}`,
          connections: 20,
          duration: 20,
          // The platform key, so no tenant's rate limit hides the outage, and a
          // route that reads the database on every request, so the outage shows.
          requests: (["acme", "globex"] as const).map((slug) => ({
            method: "GET" as const,
            path: "/api/v1/content?limit=1",
            headers: { host: host(slug, instance.port), authorization: `Bearer ${platformKey}` },
            onResponse: (status: number, body: string, _c: object, headers?: IncomingHttpHeaders) =>
              outage.api(slug, status, body, headers),
          })),
        }),
      ),
    ]);
    outage.print();
    assert(outage.unexpected === 0, "during the outage every answer is a 200 or a clean 503 with Retry-After");
    for (const instance of instances) {
      let after = await call(instance.port, host("acme", instance.port), "GET", "/api/v1/tenants/current/info", platformKey);
      for (let i = 0; i < 20 && after.status !== 200; i += 1) {
        await sleep(500);
        after = await call(instance.port, host("acme", instance.port), "GET", "/api/v1/tenants/current/info", platformKey);
      }
      assert(after.status === 200, `${instance.name} recovered without a restart (${after.status})`);
    }

    // 4. A graceful stop writes every counted call. Counted against a fixed
    // number of requests, so that the load generator sees every response (a
    // timed run abandons the requests in flight when its time is up).
    console.log("\n4. graceful stop");
    await sleep(6_000); // earlier counts are flushed (5 s interval)
    const baseline = apiCallsToday();
    const final = new Tally(TENANTS, brands);
    await Promise.all(
      instances.map((instance) =>
        autocannon({
          url: `http://127.0.0.1:${instance.port}`,
          connections: 50,
          amount: 1_500,
          requests: (["acme", "globex"] as const).map((slug) => ({
            method: "GET" as const,
            path: "/api/v1/tenants/current/info",
            headers: { host: host(slug, instance.port), authorization: `Bearer ${platformKey}` },
            onResponse: (status: number, body: string) => final.api(slug, status, body),
          })),
        }),
      ),
    );
    // At once, before the 5-second flush: only the stop itself can write these counts.
    for (const instance of instances) instance.process.kill("SIGTERM");
    const codes = await Promise.all(instances.map((instance) => instance.exited));
    instances.length = 0;
    const recorded = apiCallsToday() - baseline;
    console.log(`   exit codes ${codes.join(", ")}; 2xx API responses ${final.apiOk}; recorded apiCalls ${recorded}`);
    assert(final.apiOk > 0 && recorded === final.apiOk, "recorded apiCalls equal the 2xx API responses, exactly");
    console.log(process.exitCode ? "\nload test FAILED" : "\nload test passed");
  } finally {
    for (const instance of instances) instance.process.kill("SIGTERM");
    await Promise.all(instances.map((instance) => instance.exited));
    db.drop();
  }
}

await main();
