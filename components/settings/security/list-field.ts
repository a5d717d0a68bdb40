import type { z } from "zod";

/** Lines of a textarea, trimmed, blanks dropped. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The first bad line of a one-per-line list, checked with the same schema the server uses. */
export function firstBadLine(lines: string[], item: z.ZodType, max: number): string | undefined {
  if (lines.length > max) return `At most ${max} entries (this has ${lines.length}).`;
  for (const [index, line] of lines.entries()) {
    const parsed = item.safeParse(line);
    if (!parsed.success) return `Line ${index + 1} (“${line}”) ${parsed.error.issues[0]?.message ?? "is not valid"}.`;
  }
  return undefined;
}

/** Server field errors such as `security.ipAllowlist.2` as the same message. */
export function serverLineError(errors: Record<string, string> | undefined, field: string, lines: string[]): string | undefined {
  const entry = Object.entries(errors ?? {}).find(([path]) => path.startsWith(`security.${field}`));
  if (!entry) return undefined;
  const index = Number(entry[0].split(".")[2]);
  return Number.isInteger(index) ? `Line ${index + 1} (“${lines[index]}”) ${entry[1]}.` : entry[1];
}
