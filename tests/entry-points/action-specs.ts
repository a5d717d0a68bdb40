import path from "node:path";
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { entryInfoOf } from "@/lib/entry-points/registry";
import { type FieldInfo, fieldsOf } from "./action-inputs";
import { actionPages, builtActions, manifestPath } from "./manifest";
import { ROOT, scanServerActions } from "./scan";

// Every Server Action the source declares (tests/entry-points/scan.ts), with
// its id in the build's manifest and the spec it registered with the
// entry-point client (lib/entry-points/registry.ts): access, permission,
// acting rule, form or not, and its zod input.

export type Access = "tenant" | "platform" | "account" | "public";

export type ActionSpec = {
  /** `lib/api-keys/actions.ts createApiKeyAction`. */
  key: string;
  file: string;
  name: string;
  /** Its id in the build's server-reference-manifest.json. */
  id: string;
  /** The page it is posted from: the first that holds it, fewest dynamic segments first (`/admin/tenants/[id]`). */
  page: string;
  access: Access;
  permission?: Permission;
  acting: "allow" | "refuse";
  form: boolean;
  input: z.ZodType;
  fields: FieldInfo[];
};

/** Loads every scanned action and reads its registered spec; throws naming any that was not built with the client. */
export async function loadActionSpecs(): Promise<ActionSpec[]> {
  const ids = new Map((builtActions() ?? []).map((a) => [`${a.file} ${a.name}`, a.id]));
  const pages = actionPages();
  const dynamic = (page: string) => page.split("[").length;
  const specs: ActionSpec[] = [];
  for (const scanned of scanServerActions()) {
    const key = `${scanned.file} ${scanned.name}`;
    const loaded = (await import(path.join(ROOT, scanned.file))) as Record<string, unknown>;
    const info = entryInfoOf(loaded[scanned.name]);
    if (!info || info.kind !== "action" || info.access === "internal" || !info.input) {
      throw new Error(`${key} is not an action built with lib/entry-points/action.ts (with an input schema)`);
    }
    const id = ids.get(key);
    if (!id)
      throw new Error(`${key} is not in the build's manifest (${manifestPath()}): rebuild, the build is older than the source`);
    specs.push({
      key,
      file: scanned.file,
      name: scanned.name,
      id,
      page: [...(pages.get(id) ?? ["/"])].sort((x, y) => dynamic(x) - dynamic(y))[0] ?? "/",
      access: info.access,
      permission: info.access === "tenant" ? info.permission : undefined,
      acting: info.access === "tenant" && info.acting === "refuse" ? "refuse" : "allow",
      form: info.form === true,
      input: info.input,
      fields: fieldsOf(info.input),
    });
  }
  return specs;
}
