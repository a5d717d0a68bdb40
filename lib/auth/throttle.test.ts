import { describe, expect, it } from "vitest";
import { MemoryFailureStore, SIGN_IN_WINDOW_MS, SignInThrottle } from "./throttle";

function setup() {
  let time = 1_000_000;
  const throttle = new SignInThrottle(new MemoryFailureStore(), () => time);
  return { throttle, advance: (ms: number) => (time += ms) };
}

const account = "acme:jane@acme.test";
const ip = "ip:203.0.113.7";

describe("sign-in throttle", () => {
  it("allows four failures and refuses after the fifth", async () => {
    const { throttle } = setup();
    for (let i = 0; i < 4; i++) await throttle.recordFailure([account, ip]);
    expect(await throttle.isThrottled([account, ip])).toBe(false);
    await throttle.recordFailure([account, ip]);
    expect(await throttle.isThrottled([account, ip])).toBe(true);
  });

  it("throttles an IP trying many accounts, and an account tried from many IPs", async () => {
    const { throttle } = setup();
    for (let i = 0; i < 5; i++) await throttle.recordFailure([`acme:user${i}@acme.test`, ip]);
    expect(await throttle.isThrottled(["acme:new@acme.test", ip])).toBe(true);
    for (let i = 0; i < 5; i++) await throttle.recordFailure([account, `ip:198.51.100.${i}`]);
    expect(await throttle.isThrottled([account, "ip:192.0.2.1"])).toBe(true);
  });

  it("lets attempts through again once failures leave the 15-minute window", async () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 5; i++) await throttle.recordFailure([account]);
    advance(SIGN_IN_WINDOW_MS - 1);
    expect(await throttle.isThrottled([account])).toBe(true);
    advance(1);
    expect(await throttle.isThrottled([account])).toBe(false);
  });

  it("clears an account's failures on success, but not the IP's", async () => {
    const { throttle } = setup();
    for (let i = 0; i < 4; i++) await throttle.recordFailure([account, ip]);
    await throttle.recordSuccess(account);
    await throttle.recordFailure([account, ip]);
    expect(await throttle.isThrottled([account])).toBe(false);
    expect(await throttle.isThrottled([ip])).toBe(true);
  });
});
