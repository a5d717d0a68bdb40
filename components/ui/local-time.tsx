"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * A date in the viewer's own locale and time zone. The server does not know
 * either, so it renders the UTC date; the browser fills in the local form.
 */
export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const local = useSyncExternalStore(
    subscribe,
    () =>
      new Intl.DateTimeFormat(undefined, dateOnly ? { dateStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" }).format(
        new Date(iso),
      ),
    () => null,
  );
  return (
    <time dateTime={iso} title={iso}>
      {local ?? `${iso.slice(0, 10)}${dateOnly ? "" : ` ${iso.slice(11, 16)} UTC`}`}
    </time>
  );
}
