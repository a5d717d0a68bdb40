/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files at run time; bundling breaks it.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // Two builds side by side (e.g. two browser-test runs on one machine) need
  // separate output folders; everything else uses the default.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  // The HTTP benchmarks' bare baseline route (app/api/bench/**/route.bench.ts)
  // exists only in the benchmark's own build (bench/server.ts), never in one
  // that serves users.
  pageExtensions: ["tsx", "ts", "jsx", "js", ...(process.env.LIVERY_BENCH_ROUTES === "1" ? ["bench.ts"] : [])],
  // forbidden() answers 403 with app/forbidden.tsx; used when a tenant was
  // suspended after the Edge directory last looked (see docs/tenancy.md).
  experimental: { authInterrupts: true },
};

export default nextConfig;
