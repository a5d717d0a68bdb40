/** A JSON object as a config section stores it. */
export type JsonObject = { [key: string]: unknown };

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Applies a PATCH body to stored config: objects merge key by key at any
 * depth, `null` removes a key, and anything else (arrays included) replaces
 * the stored value whole, so an IP allowlist is sent as the full new list.
 * Neither argument is modified.
 */
export function mergeConfig(stored: JsonObject, patch: JsonObject): JsonObject {
  const merged: JsonObject = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete merged[key];
    else if (isPlainObject(value)) merged[key] = mergeConfig(isPlainObject(stored[key]) ? stored[key] : {}, value);
    else merged[key] = value;
  }
  return merged;
}

export type ConfigChange = { path: string; before: unknown; after: unknown };

/**
 * Every leaf whose value differs between two configs, as a dotted path with
 * its old and new value (`undefined` for absent). Arrays are leaves, compared
 * by value; an object replaced by a leaf (or the reverse) is one change.
 */
export function diffConfig(before: JsonObject, after: JsonObject, prefix = ""): ConfigChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.flatMap((key) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const [old, now] = [before[key], after[key]];
    if (isPlainObject(old) || isPlainObject(now)) {
      // An object added or removed whole is reported leaf by leaf too.
      const [from, to] = [old ?? {}, now ?? {}];
      if (isPlainObject(from) && isPlainObject(to)) return diffConfig(from, to, path);
    }
    return JSON.stringify(old) === JSON.stringify(now) ? [] : [{ path, before: old, after: now }];
  });
}
