import { createHash, randomBytes } from "node:crypto";
import { OIDC } from "@/e2e/fixtures/oidc";

// Signs in at the test identity provider (e2e/fixtures/oidc.ts) the way a
// browser would, over HTTP: authorization request with PKCE, the provider's
// login and consent forms, then the code exchanged for tokens. Returns the
// ID token's claims, which is what next-auth hands to the signIn callback as
// `profile` (the provider is configured with `idToken: true`).

type Discovery = { authorization_endpoint: string; token_endpoint: string };

class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

const base64url = (buffer: Buffer) => buffer.toString("base64url");

export async function idTokenClaims(issuer: string, redirectUri: string, login: string): Promise<Record<string, unknown>> {
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Discovery;
  const verifier = base64url(randomBytes(32));
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: OIDC.clientId,
    response_type: "code",
    scope: "openid email profile",
    redirect_uri: redirectUri,
    state: base64url(randomBytes(8)),
    nonce: base64url(randomBytes(8)),
    code_challenge: base64url(createHash("sha256").update(verifier).digest()),
    code_challenge_method: "S256",
  }).toString();

  const jar = new CookieJar();
  let next: { url: string; form?: Record<string, string> } = { url: authorize.toString() };
  for (let step = 0; step < 12; step++) {
    const response = await fetch(next.url, {
      method: next.form ? "POST" : "GET",
      redirect: "manual",
      headers: {
        cookie: jar.header(),
        ...(next.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: next.form ? new URLSearchParams(next.form) : undefined,
    });
    jar.store(response);
    const location = response.headers.get("location");
    if (location) {
      const target = new URL(location, next.url);
      if (target.href.startsWith(redirectUri)) return exchange(discovery, redirectUri, target, verifier);
      next = { url: target.href };
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`identity provider answered ${response.status} without a form`);
    const form: Record<string, string> = html.includes('name="login"')
      ? { prompt: "login", login, password: "anything" }
      : { prompt: "consent" };
    next = { url: new URL(action, next.url).href, form };
  }
  throw new Error("identity provider did not redirect back");
}

async function exchange(discovery: Discovery, redirectUri: string, callback: URL, verifier: string) {
  const code = callback.searchParams.get("code");
  if (!code) throw new Error(`no code in ${callback.href}`);
  const response = await fetch(discovery.token_endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${OIDC.clientId}:${OIDC.clientSecret}`).toString("base64")}`,
    },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier }),
  });
  const tokens = (await response.json()) as { id_token?: string };
  const payload = tokens.id_token?.split(".")[1];
  if (!payload) throw new Error(`no ID token: ${JSON.stringify(tokens)}`);
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}
