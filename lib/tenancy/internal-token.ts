// Edge-safe: Web Crypto only.
//
// The middleware resolves hosts through an internal route handler. That route
// must answer only the middleware, so requests carry a token derived from
// NEXTAUTH_SECRET (never the secret itself, which also signs sessions).

export const INTERNAL_TOKEN_HEADER = "x-livery-internal-token";

let cached: { secret: string; token: Promise<string> } | undefined;

export function internalToken(secret: string): Promise<string> {
  if (cached?.secret !== secret) {
    const data = new TextEncoder().encode(`livery:internal-resolve:v1\u0000${secret}`);
    const token = crypto.subtle
      .digest("SHA-256", data)
      .then((digest) => Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join(""));
    cached = { secret, token };
  }
  return cached.token;
}

/** Compares in time independent of where the strings differ. */
export function tokensEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
