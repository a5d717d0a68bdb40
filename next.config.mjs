/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files at run time; bundling breaks it.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() answers 403 with app/forbidden.tsx; used when a tenant was
  // suspended after the Edge directory last looked (see docs/tenancy.md).
  experimental: { authInterrupts: true },
};

export default nextConfig;
