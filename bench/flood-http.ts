// HTTP helpers for the sign-in flood benchmark: next-auth's credentials sign-in
// as a browser's fetch makes it (CSRF token and cookie, then the callback with
// json=true), and a closed-loop load on one API route.
import http from "node:http";

export type Reply = { status: number; ms: number; cookies: string[]; body: string };

export function request(
  agent: http.Agent,
  port: number,
  options: { host: string; path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        agent,
        path: options.path,
        method: options.method ?? "GET",
        headers: { ...options.headers, host: options.host },
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            ms: performance.now() - started,
            cookies: (response.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!),
            body,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** One browser (a client address and its cookies) signing in on a host. */
export class SignInClient {
  private cookies = new Map<string, string>();
  private csrfToken = "";

  constructor(
    private readonly agent: http.Agent,
    private readonly port: number,
    private readonly host: string,
    readonly ip: string,
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private keep(reply: Reply): void {
    for (const pair of reply.cookies) {
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }

  hasCookie(name: string): boolean {
    return !!this.cookies.get(name);
  }

  async prepare(): Promise<void> {
    const reply = await request(this.agent, this.port, {
      host: this.host,
      path: "/api/auth/csrf",
      headers: { "x-forwarded-for": this.ip, cookie: this.cookieHeader() },
    });
    this.keep(reply);
    this.csrfToken = (JSON.parse(reply.body) as { csrfToken: string }).csrfToken;
  }

  /** 200 signed in; 401 refused; 429 backing off; 503 hashing queue full. The session cookie is not kept. */
  async signIn(email: string, password: string): Promise<Reply> {
    const reply = await request(this.agent, this.port, {
      host: this.host,
      path: "/api/auth/callback/credentials",
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-forwarded-for": this.ip,
        cookie: this.cookieHeader(),
      },
      body: new URLSearchParams({ csrfToken: this.csrfToken, email, password, json: "true" }).toString(),
    });
    for (const pair of reply.cookies) if (!pair.includes("session-token")) this.keep({ ...reply, cookies: [pair] });
    return reply;
  }
}

/** Requests `path` back to back on `concurrency` connections until `until`; returns each latency (all must be 200). */
export async function apiLoad(
  agent: http.Agent,
  port: number,
  target: { host: string; path: string; headers: Record<string, string> },
  concurrency: number,
  until: number,
): Promise<number[]> {
  const durations: number[] = [];
  const worker = async () => {
    while (performance.now() < until) {
      const reply = await request(agent, port, target);
      if (reply.status !== 200) throw new Error(`${target.path}: HTTP ${reply.status} ${reply.body.slice(0, 200)}`);
      durations.push(reply.ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return durations;
}
