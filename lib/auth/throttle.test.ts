import { describe, expect, it } from "vitest";
import { backoffMs, MemoryFailureStore, POLICIES, SignInThrottle } from "./throttle";

function setup(store = new MemoryFailureStore()) {
  let time = 1_000_000;
  const throttle = new SignInThrottle(store, () => time);
  return { throttle, store, advance: (ms: number) => (time += ms), now: () => time };
}

const account = { key: "acme:jane@acme.test", policy: POLICIES.account };
const ip = { key: "ip:203.0.113.7", policy: POLICIES.ip };

describe("H4 sign-in back-off", () => {
  it("H4 lets five failures through, then makes the next attempt wait 1 s, doubling up to 15 minutes", () => {
    expect([0, 4, 5, 6, 7, 14].map((n) => backoffMs(n, POLICIES.account))).toEqual([0, 0, 1_000, 2_000, 4_000, 512_000]);
    expect(backoffMs(15, POLICIES.account)).toBe(15 * 60_000);
    expect(backoffMs(10_000, POLICIES.account)).toBe(15 * 60_000);
  });

  it("H4 an account is never locked: once its wait is over, the next attempt goes through", async () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 4; i++) await throttle.recordFailure([account]);
    expect(await throttle.waitMs([account])).toBe(0);
    await throttle.recordFailure([account]);
    expect(await throttle.waitMs([account])).toBe(1_000);
    advance(1_000);
    expect(await throttle.waitMs([account])).toBe(0);
    await throttle.recordFailure([account]);
    expect(await throttle.waitMs([account])).toBe(2_000);
  });

  it("H4 gives a client address more room than an account, and waits for the longer of the two", async () => {
    const { throttle } = setup();
    for (let i = 0; i < 19; i++) await throttle.recordFailure([{ key: `acme:user${i}@acme.test`, policy: POLICIES.account }, ip]);
    expect(await throttle.waitMs([ip])).toBe(0);
    await throttle.recordFailure([ip]);
    expect(await throttle.waitMs([{ key: "acme:new@acme.test", policy: POLICIES.account }, ip])).toBe(1_000);
  });

  it("forgets a key a while after its last failure, and an account's on success", async () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 6; i++) await throttle.recordFailure([account, ip]);
    advance(POLICIES.ip.forgetAfterMs);
    expect(await throttle.waitMs([ip])).toBe(0);
    expect(await throttle.waitMs([account])).toBe(0); // waited long enough…
    await throttle.recordFailure([account]);
    expect(await throttle.waitMs([account])).toBe(4_000); // …but still counted
    await throttle.recordSuccess(account.key);
    expect(await throttle.waitMs([account])).toBe(0);
  });

  it("keeps memory bounded under a flood of random accounts", async () => {
    const store = new MemoryFailureStore(100);
    const { throttle } = setup(store);
    for (let i = 0; i < 500; i++) await throttle.recordFailure([{ key: `acme:random${i}@x.test`, policy: POLICIES.account }]);
    expect(await store.get("acme:random0@x.test", 1_000_000)).toBeNull();
    expect(await store.get("acme:random499@x.test", 1_000_000)).toEqual({ count: 1, last: 1_000_000 });
  });
});
