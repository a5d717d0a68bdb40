// HTTP helpers for the sign-in flood benchmark: next-auth's credentials sign-in
// as a browser's fetch makes it (CSRF token and cookie, then the callback with
// json=true), and a closed-loop load on one API route.
import http from "node:http";

export type Reply = { status: number; ms: number; cookies: string[]; body: string };

type Options = { host: string; path: string; method?: string; headers?: Record<string, string>; body?: string };

/**
 * One request over the keep-alive agent. A reused connection that the server
 * closed as idle at that very moment resets before any answer: that request
 * never reached the app and is sent once more on a new connection.
 */
export async function request(agent: http.Agent, port: number, options: Options): Promise<Reply> {
  try {
    return await send(agent, port, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ECONNRESET") throw error;
    return send(agent, port, options);
  }
}

function send(agent: http.Agent, port: number, options: Options): Promise<Reply> {
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

/**
 * Requests `path` at a steady `perSecond` until `until` (an open loop, as
 * independent clients do: a slow answer does not slow the next request), and
 * returns each latency. Every answer must be 200.
 */
export async function apiAtRate(
  agent: http.Agent,
  port: number,
  target: { host: string; path: string; headers: Record<string, string> },
  perSecond: number,
  until: number,
): Promise<number[]> {
  const durations: number[] = [];
  const inFlight: Promise<void>[] = [];
  const failures: string[] = [];
  while (performance.now() < until) {
    inFlight.push(
      request(agent, port, target).then(
        (reply) => {
          if (reply.status === 200) durations.push(reply.ms);
          else failures.push(`HTTP ${reply.status} ${reply.body.slice(0, 200)}`);
        },
        (error: Error) => void failures.push(error.message),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000 / perSecond));
  }
  await Promise.all(inFlight);
  if (failures.length > 0) throw new Error(`${target.path}: ${failures.length} failed, e.g. ${failures[0]}`);
  return durations;
}
