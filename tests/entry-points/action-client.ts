import http from "node:http";
import { readFlight } from "./flight";

// Calls a Server Action over HTTP as the browser does (e2e/actions.ts): POST
// with `Next-Action: <id from the build's manifest>`, the arguments as JSON,
// `Accept: text/x-component`, and an Origin of the host itself, so that a
// refusal is the app's decision, never Next's cross-origin check. Sent with
// node:http so that any Host header can be named (fetch will not).

export type Sent = {
  port: number;
  host: string;
  actionId: string;
  /** The action's arguments; a form action gets `(previous, input)`. */
  args: unknown[];
  cookie?: string;
  /** Tags the call: the audit log records the user agent. */
  userAgent: string;
  /** The page the action is posted from. */
  path?: string;
  /** Sent verbatim instead of the encoded arguments (fuzzing). */
  rawBody?: string;
};

export type ActionAnswer = {
  status: number;
  /** The action's return value, when the body is a Flight answer with one. */
  value?: unknown;
  /** Where a successful action redirected (`x-action-redirect`). */
  redirect?: string;
  /** The action threw instead of answering. */
  thrown?: unknown;
  /** Why the body could not be read as an action's answer (a middleware refusal is HTML or JSON). */
  unreadable?: string;
  text: string;
  /** When the call was sent and its answer read (epoch ms): the window its audit entries fall in. */
  sentAt: number;
  doneAt: number;
};

/**
 * React's reply encoding for plain JSON: a string that starts with `$` is a
 * reference marker in the decoder, so it is escaped as `$$` (what
 * `encodeReply` does); everything else is JSON as it is.
 */
export function encodeArgs(args: unknown[]): string {
  return JSON.stringify(args, (_, value: unknown) => (typeof value === "string" && value.startsWith("$") ? `$${value}` : value));
}

function post(sent: Sent, body: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const headers: Record<string, string> = {
    host: sent.host,
    origin: `http://${sent.host}`,
    "next-action": sent.actionId,
    accept: "text/x-component",
    "content-type": "text/plain;charset=UTF-8",
    "user-agent": sent.userAgent,
  };
  if (sent.cookie) headers.cookie = sent.cookie;
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port: sent.port, path: sent.path ?? "/", method: "POST", headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on("error", reject);
      },
    );
    request.setTimeout(60_000, () => request.destroy(new Error("no answer within 60 s")));
    request.on("error", reject);
    request.end(body);
  });
}

export async function callAction(sent: Sent): Promise<ActionAnswer> {
  const sentAt = Date.now();
  const response = await post(sent, sent.rawBody ?? encodeArgs(sent.args));
  const doneAt = Date.now();
  const text = response.body.toString("utf8");
  const answer: ActionAnswer = { status: response.status, text, sentAt, doneAt };
  const redirect = response.headers["x-action-redirect"];
  if (typeof redirect === "string") answer.redirect = redirect;
  const type = response.headers["content-type"] ?? "";
  if (!type.startsWith("text/x-component")) {
    answer.unreadable = `content-type ${type || "(none)"}`;
    return answer;
  }
  const flight = readFlight(response.body);
  if (flight.kind === "value") answer.value = flight.value;
  else if (flight.kind === "thrown") answer.thrown = flight.error;
  else answer.unreadable = flight.why;
  return answer;
}

/** An ActionResult's shape, as the oracle reads it. */
export type ResultShape = { ok: boolean; message: string; code?: string; data?: unknown };

export function asResult(value: unknown): ResultShape | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (typeof v.ok !== "boolean" || typeof v.message !== "string") return null;
  if (v.code !== undefined && typeof v.code !== "string") return null;
  return v as ResultShape;
}
