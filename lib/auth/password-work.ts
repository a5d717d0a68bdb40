import os from "node:os";
import { ApiError } from "@/lib/http/errors";

/**
 * The server has more password work waiting than it will queue: try again
 * shortly. An ApiError, so wherever it surfaces (sign-in, accepting an
 * invitation, changing a password) it is a 503 with Retry-After, never a 500.
 */
export class PasswordWorkBusyError extends ApiError {
  readonly retryAfterSeconds = 2;
  constructor() {
    super("service_busy", 503, "The server is busy. Try again in a few seconds.", { retryAfterSeconds: 2 });
    this.name = "PasswordWorkBusyError";
  }
}

export type PasswordWorkStats = { running: number; waiting: number; completed: number; refused: number };

/**
 * A bounded queue in front of password hashing. The hashes themselves run on
 * libuv's thread pool (native argon2id and bcrypt), never on the event loop;
 * this bounds how much of that pool a flood can claim: `concurrency` run at
 * once (the pool's other threads stay free for file and DNS work), at most
 * `maxWaiting` wait, and beyond that a request is refused at once instead of
 * queueing behind the flood. Known clients (lib/auth/known-client.ts) wait in
 * a lane of their own that is served first, so a flood of strangers cannot
 * keep an account's owner out.
 */
export class PasswordWorkQueue {
  private running = 0;
  private readonly lanes = { priority: [] as (() => void)[], normal: [] as (() => void)[] };
  private completed = 0;
  private refused = 0;

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  async run<T>(task: () => Promise<T>, priority = false): Promise<T> {
    if (this.running < this.concurrency) {
      this.running++;
    } else {
      const lane = priority ? this.lanes.priority : this.lanes.normal;
      if (lane.length >= this.maxWaiting) {
        this.refused++;
        throw new PasswordWorkBusyError();
      }
      // The finishing task hands its slot over, so `running` stays as it is.
      await new Promise<void>((resolve) => lane.push(resolve));
    }
    try {
      return await task();
    } finally {
      this.completed++;
      const next = this.lanes.priority.shift() ?? this.lanes.normal.shift();
      if (next) next();
      else this.running--;
    }
  }

  stats(): PasswordWorkStats {
    const waiting = this.lanes.priority.length + this.lanes.normal.length;
    return { running: this.running, waiting, completed: this.completed, refused: this.refused };
  }
}

// One queue per process (on globalThis: Next may load this module more than once).
const slot = globalThis as typeof globalThis & { __liveryPasswordWork?: PasswordWorkQueue };

/**
 * Leave a core for the event loop: on a 2-core machine one hash at a time
 * (~30 ms for argon2id, so ~30 sign-ins/s), up to 4 on bigger ones.
 */
export function passwordWork(): PasswordWorkQueue {
  slot.__liveryPasswordWork ??= new PasswordWorkQueue(Math.max(1, Math.min(4, os.availableParallelism() - 1)), 32);
  return slot.__liveryPasswordWork;
}
