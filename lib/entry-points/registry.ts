import type { z } from "zod";
import type { EntrySpec } from "./admit";

/**
 * Every entry point built with the clients in this folder, with its spec, so
 * tests can enumerate them (the registry test, the isolation matrix and the
 * fuzz suite) and a function that was not built here is recognisably not.
 */
export type EntryInfo = (EntrySpec | { access: "internal" }) & { kind: "action" | "route"; input?: z.ZodType; form?: boolean };

const entries = new WeakMap<object, EntryInfo>();

export function registerEntry(fn: object, info: EntryInfo): void {
  entries.set(fn, info);
}

/** The spec an entry point was built with, or undefined when it was not built with an entry-point client. */
export function entryInfoOf(fn: unknown): EntryInfo | undefined {
  return typeof fn === "function" ? entries.get(fn) : undefined;
}
