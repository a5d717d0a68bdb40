import http from "node:http";

export const PORT = Number(process.env.E2E_PORT ?? 3100);
/** Where the app looks up TXT records during the browser tests (e2e/domains.spec.ts serves them). */
export const DNS_PORT = Number(process.env.E2E_DNS_PORT ?? 53_535);

type Brand = { name: string; primary: string; foreground: string };

export const TENANTS: Record<"acme" | "globex" | "umbrella" | "hooli", Brand> = {
  acme: { name: "Acme Corporation", primary: "#0f766e", foreground: "#ffffff" },
  globex: { name: "Globex", primary: "#1d4ed8", foreground: "#ffffff" },
  umbrella: { name: "Umbrella Health", primary: "#be123c", foreground: "#ffffff" },
  hooli: { name: "Hooli", primary: "#fbbf24", foreground: "#030509" },
};

export function tenantUrl(slug: string, path = "/"): string {
  return `http://${slug}.localhost:${PORT}${path}`;
}

export function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

export type RawResponse = { status: number; body: string; headers: http.IncomingHttpHeaders };

/**
 * A raw request to the test server with any Host header and extra headers
 * (browsers and fetch() will not send a spoofed Host or internal headers).
 */
export function rawGet(host: string, path = "/", headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest("GET", host, path, headers);
}

export function rawRequest(
  method: string,
  host: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port: PORT, path, method, headers: { ...headers, host }, agent: false },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text, headers: response.headers }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
