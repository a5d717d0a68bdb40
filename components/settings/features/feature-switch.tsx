"use client";

import { useOptimistic, useTransition } from "react";
import { setFeatureAction } from "@/lib/config/actions";
import { useToast } from "@/components/ui/toast";
import type { Feature } from "@/lib/tenants/plans";

/** An on/off switch for one feature flag; flips at once and flips back if the server refuses. */
export function FeatureSwitch({ feature, on }: { feature: Feature; on: boolean }) {
  const [pending, start] = useTransition();
  const [shown, setShown] = useOptimistic(on);
  const toast = useToast();
  const toggle = () =>
    start(async () => {
      setShown(!shown);
      const result = await setFeatureAction({ feature, enabled: !shown });
      toast(result.message, result.ok ? "success" : "error");
    });
  return (
    <button
      type="button"
      role="switch"
      aria-checked={shown}
      aria-labelledby={`feature-${feature}-label`}
      aria-describedby={`feature-${feature}-description`}
      aria-busy={pending || undefined}
      disabled={pending}
      onClick={toggle}
      className="group inline-flex items-center gap-2 rounded-full text-sm font-medium disabled:opacity-60"
    >
      <span
        aria-hidden
        className="relative h-6 w-11 rounded-full border border-line bg-surface-muted transition group-aria-checked:border-brand group-aria-checked:bg-brand"
      >
        <span className="absolute top-0.5 left-0.5 size-4.5 rounded-full bg-fg-muted transition group-aria-checked:translate-x-5 group-aria-checked:bg-brand-foreground" />
      </span>
      <span className="w-7 text-left">{shown ? "On" : "Off"}</span>
    </button>
  );
}
