import { z } from "zod";

// Hostname rules shared with ROOT_DOMAIN: DNS labels, no scheme, no port.
const hostnamePattern = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === "" ? undefined : value));

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/\S+$/i, "must be a postgres:// or postgresql:// URL");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/i, "must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)")
      .optional(),
  ),
  // The running app's two least-privilege logins (scripts/db-roles.ts); both or neither.
  DATABASE_TENANT_URL: optionalString.pipe(postgresUrl.optional()),
  DATABASE_PLATFORM_URL: optionalString.pipe(postgresUrl.optional()),
  DATA_DIR: z.string().min(1).default(".data"),
  REDIS_URL: optionalString.pipe(
    z
      .string()
      .regex(/^rediss?:\/\/\S+$/i, "must be a redis:// or rediss:// URL")
      .optional(),
  ),
  ROOT_DOMAIN: z
    .string()
    .default("localhost")
    .transform((value) => value.trim().toLowerCase().replace(/\.$/, ""))
    .pipe(z.string().regex(hostnamePattern, "must be a bare hostname such as livery.example.com (no scheme, no port)")),
  LIVERY_INTERNAL_ORIGIN: optionalString.pipe(
    z
      .string()
      .regex(/^https?:\/\/[^/\s]+$/i, "must be an origin such as http://127.0.0.1:3000 (no path)")
      .optional(),
  ),
  DNS_RESOLVER: optionalString.pipe(
    z
      .string()
      .regex(/^[0-9a-f.:[\]]+$/i, "must be a DNS server address such as 127.0.0.1:5353")
      .optional(),
  ),
  TRUSTED_PROXY_HOPS: z.coerce.number().int("must be a whole number").min(0).max(10).default(0),
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^smtps?:\/\/\S+$/i, "must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587")
      .optional(),
  ),
  MAIL_FROM: optionalString,
  NEXTAUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  OIDC_ISSUER: optionalString.pipe(
    z
      .string()
      .regex(/^https?:\/\/[^\s?#]+$/i, "must be the issuer URL of an OpenID Connect provider, e.g. https://login.example.com")
      .optional(),
  ),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_NAME: optionalString,
  // Single sign-on for super-admins on the platform host (off unless "true"):
  // the provider then vouches for the platform's most powerful accounts.
  OIDC_ALLOW_SUPER_ADMINS: optionalString
    .pipe(z.enum(["true", "false"], { error: "must be true or false" }).optional())
    .transform((value) => value === "true"),
  // The shared secret in the TLS edge's `ask` URL (deploy/Caddyfile, docs/deploy.md); unset, the ask endpoint is off.
  TLS_ASK_TOKEN: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{32,}$/, "must be at least 32 letters, digits, - or _ (it goes into a URL)")
      .optional(),
  ),
  // Where tenants point their custom domains (docs/deploy.md): a CNAME target for subdomains, addresses for apexes.
  EDGE_HOSTNAME: optionalString
    .transform((value) => value?.trim().toLowerCase().replace(/\.$/, ""))
    .pipe(z.string().regex(hostnamePattern, "must be a bare hostname such as edge.livery.example.com").optional()),
  EDGE_IPV4: optionalString.pipe(z.ipv4({ error: "must be an IPv4 address such as 203.0.113.10" }).optional()),
  EDGE_IPV6: optionalString.pipe(z.ipv6({ error: "must be an IPv6 address such as 2001:db8::10" }).optional()),
  // Where the re-check job's TLS probe reaches the edge (host:port); unset, EDGE_HOSTNAME or EDGE_IPV4 on port 443.
  EDGE_PROBE_ADDRESS: optionalString.pipe(
    z
      .string()
      .regex(/^(\[[0-9a-f:]+\]|[a-z0-9.-]+):\d{1,5}$/i, "must be host:port such as 127.0.0.1:8443 or [2001:db8::10]:443")
      .optional(),
  ),
  PLATFORM_API_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^lvp?_[A-Za-z0-9]{32,}$/, "must look like lvp_ (or lv_) followed by at least 32 letters and digits")
      .optional(),
  ),
});

export type EnvInput = z.input<typeof envSchema>;
export type Env = z.output<typeof envSchema> & { NEXTAUTH_SECRET: string };

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/**
 * Validates the raw environment. Messages name the variable and the rule, never
 * the value: several of these variables are secrets.
 */
export function parseEnv(raw: Record<string, string | undefined>): z.output<typeof envSchema> {
  const result = envSchema.safeParse(raw);
  if (result.success) {
    const oidc = [result.data.OIDC_ISSUER, result.data.OIDC_CLIENT_ID, result.data.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      throw new EnvError(["OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together (or none of them)"]);
    }
    if (!result.data.DATABASE_TENANT_URL !== !result.data.DATABASE_PLATFORM_URL) {
      throw new EnvError([
        "DATABASE_TENANT_URL and DATABASE_PLATFORM_URL must be set together (or neither: DATABASE_URL serves both)",
      ]);
    }
    if (result.data.NODE_ENV === "production" && !result.data.NEXTAUTH_SECRET) {
      throw new EnvError([
        "NEXTAUTH_SECRET is required in production (at least 32 random characters, e.g. `openssl rand -base64 48`)",
      ]);
    }
    return result.data;
  }
  throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`));
}
