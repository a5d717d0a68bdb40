/**
 * PostgreSQL cannot store U+0000 in text or jsonb, and a string with an
 * unpaired UTF-16 surrogate is not valid Unicode (Prisma refuses it). Either
 * would end as a 500 deep in a query, so requests are checked on the way in.
 * Returns the path of the first such string (keys included), or null.
 */
export function findUnstorableText(value: unknown): (string | number)[] | null {
  // Iterative, with parent links: a 1 MB body can nest half a million levels
  // deep, which would overflow the stack of a recursive walk.
  type Node = { value: unknown; key?: string | number; parent?: Node };
  const pathOf = (node: Node) => {
    const path: (string | number)[] = [];
    for (let at: Node | undefined = node; at?.parent; at = at.parent) path.push(at.key!);
    return path.reverse();
  };
  const stack: Node[] = [{ value }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const current = node.value;
    if (typeof current === "string") {
      if (!storable(current)) return pathOf(node);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) stack.push({ value: current[i], key: i, parent: node });
    } else if (current && typeof current === "object") {
      const entries = Object.entries(current);
      for (const [key] of entries) if (!storable(key)) return [...pathOf(node), key];
      for (let i = entries.length - 1; i >= 0; i -= 1) stack.push({ value: entries[i]![1], key: entries[i]![0], parent: node });
    }
  }
  return null;
}

function storable(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}

/** Years PostgreSQL and JavaScript dates agree on; anything else is a client's mistake, not a 500. */
export function isStorableDate(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= 1 && year <= 9999;
}
