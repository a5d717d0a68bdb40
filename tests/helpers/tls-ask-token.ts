import { afterAll, beforeAll, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";

/**
 * Call at the top of a test file: TLS_ASK_TOKEN is `token` for the file's
 * tests (the ask endpoint exists), and its "[tls] no certificate" lines stay
 * out of the output. Both are undone after the file.
 */
export function withTlsAskToken(token: string): void {
  beforeAll(() => {
    process.env.TLS_ASK_TOKEN = token;
    resetEnvCache();
    vi.spyOn(console, "warn").mockImplementation(() => {});
  });
  afterAll(() => {
    delete process.env.TLS_ASK_TOKEN;
    resetEnvCache();
    vi.restoreAllMocks();
  });
}
