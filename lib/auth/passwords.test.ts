import { describe, expect, it } from "vitest";
import bcrypt from "bcryptjs";
import { PasswordWorkBusyError, PasswordWorkQueue } from "./password-work";
import { hashPassword, needsRehash, passwordSchema, verifyPassword } from "./passwords";

describe("password rules", () => {
  it.each([
    ["correct horse battery staple", undefined],
    ["twelve chars", undefined],
    ["ünïcödé pässwörd", undefined],
    ["tr0ub4dor&3xyz", "jane@example.com"],
  ])("accept %j", (password, email) => {
    expect(passwordSchema(email).safeParse(password).success).toBe(true);
  });

  it.each([
    ["short", undefined, "at least 12"],
    ["a".repeat(73), undefined, "at most 72 bytes"],
    ["é".repeat(37), undefined, "at most 72 bytes"],
    ["password1234", undefined, "most common"],
    ["PasswordPassword", undefined, "most common"],
    ["abababababab", undefined, "more than three different"],
    ["janedoe-is-great", "janedoe@example.com", "email"],
  ])("refuse %j", (password, email, message) => {
    const result = passwordSchema(email).safeParse(password);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join("; ")).toContain(message);
  });
});

describe("password hashing", () => {
  it("verifies the right password only, and refuses a missing hash", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(hash)).toBe(false);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
    expect(await verifyPassword("anything", null)).toBe(false);
  });
});

describe("H5 password work off the event loop", () => {
  it("H5 checking passwords in a burst does not stall the event loop", async () => {
    const hash = await hashPassword("correct horse battery staple");
    let worst = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 2);
    await Promise.all(Array.from({ length: 6 }, () => verifyPassword("a wrong guess, again", hash)));
    clearInterval(timer);
    expect(worst).toBeLessThan(60);
  });
});

describe("H5 password hashes", () => {
  it("H5 still verifies a bcrypt hash from before, and asks for it to be re-hashed", async () => {
    const old = bcrypt.hashSync("correct horse battery staple", 4);
    expect(await verifyPassword("correct horse battery staple", old)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
    expect(await verifyPassword("anything", "not a hash at all")).toBe(false);
  });
});

describe("H5 the password work queue", () => {
  const gate = () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, task: () => opened };
  };

  it("H5 runs a bounded number at once, queues a bounded number, and refuses the rest at once", async () => {
    const queue = new PasswordWorkQueue(1, 2);
    const first = gate();
    const running = [queue.run(first.task), queue.run(async () => "second"), queue.run(async () => "third")];
    await expect(queue.run(async () => "fourth")).rejects.toBeInstanceOf(PasswordWorkBusyError);
    expect(queue.stats()).toEqual({ running: 1, waiting: 2, completed: 0, refused: 1 });
    first.open();
    await Promise.all(running);
    expect(queue.stats()).toEqual({ running: 0, waiting: 0, completed: 3, refused: 1 });
  });

  it("H5 serves known clients first, in a lane a flood cannot fill", async () => {
    const queue = new PasswordWorkQueue(1, 1);
    const first = gate();
    const order: string[] = [];
    const done = [queue.run(first.task), queue.run(async () => void order.push("stranger"))];
    await expect(queue.run(async () => "another stranger")).rejects.toBeInstanceOf(PasswordWorkBusyError);
    done.push(queue.run(async () => void order.push("known"), true));
    first.open();
    await Promise.all(done);
    expect(order).toEqual(["known", "stranger"]);
  });
});
