"use client";

import { useSyncExternalStore } from "react";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const relative = new Intl.RelativeTimeFormat("en", { numeric: "always" });

/** "in 23 hours", "in 5 minutes", "in 3 days": how long until `iso`, rounded to the unit that reads best. */
export function timeUntil(iso: string, now: number): string {
  const ms = Date.parse(iso) - now;
  if (ms <= 0) return "now";
  if (ms < 90 * MINUTE) return relative.format(Math.max(1, Math.ceil(ms / MINUTE)), "minute");
  if (ms < 48 * HOUR) return relative.format(Math.round(ms / HOUR), "hour");
  return relative.format(Math.round(ms / DAY), "day");
}

// A new snapshot every minute, so the text keeps counting down while the page is open.
const subscribe = (tick: () => void) => {
  const timer = setInterval(tick, MINUTE);
  return () => clearInterval(timer);
};

/**
 * "in 23 hours" until `iso`. The server does not know the viewer's clock, so it
 * renders the UTC time ("at 2026-12-02 09:00 UTC"); the browser counts down.
 */
export function ExpiresIn({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    subscribe,
    () => timeUntil(iso, Date.now()),
    () => null,
  );
  return (
    <time dateTime={iso} title={iso}>
      {text ?? `at ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`}
    </time>
  );
}
