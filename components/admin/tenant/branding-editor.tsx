"use client";

import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, useTransition } from "react";
import { updateBrandingAction } from "@/app/(site)/admin/tenants/[id]/actions";
import { TextField } from "@/components/admin/form-fields";
import { Panel } from "@/components/admin/ui";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useToast } from "@/components/ui/toast";
import { derivePalette } from "@/lib/branding/contrast";
import type { ActionResult } from "@/lib/http/action-result";

type Props = { tenantId: string; name: string; primaryColor: string; accentColor: string; logoUrl: string };

const subscribe = () => () => undefined;
const HEX = /^#[0-9a-fA-F]{6}$/;

/**
 * The tenant's colours and logo with a live preview of its portal header,
 * checked for contrast as you type by the same rule the server applies.
 */
export function BrandingEditor({ tenantId, name, ...initial }: Props) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [values, setValues] = useState(initial);
  const [result, setResult] = useState<ActionResult | null>(null);
  // Drawn in the browser only: the CSP refuses server-rendered style attributes.
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const colorsValid = HEX.test(values.primaryColor) && HEX.test(values.accentColor);
  const palette = colorsValid ? derivePalette(values) : null;
  const problems = palette && !palette.ok ? palette.problems : [];
  const set = (field: keyof typeof values) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setValues((all) => ({ ...all, [field]: event.target.value }));
  const error = (field: string) =>
    result?.fieldErrors?.[`branding.${field}`] ??
    problems.find((p) => (field === "primaryColor" ? p.pair === "text on primary" : p.pair !== "text on primary"))?.message;

  return (
    <Panel
      title="Branding"
      description="The portal's colours and logo. The preview shows the portal's header as its members will see it."
    >
      <form
        noValidate
        className="grid gap-6 md:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(async () => {
            const outcome = await updateBrandingAction(tenantId, {
              primaryColor: values.primaryColor,
              accentColor: values.accentColor,
              logoUrl: values.logoUrl.trim() === "" ? null : values.logoUrl.trim(),
            });
            setResult(outcome);
            if (outcome.ok) {
              toast(outcome.message);
              router.refresh();
            }
          });
        }}
      >
        <div className="flex flex-col gap-4">
          <TextField
            id="brand-primary"
            label="Primary colour"
            value={values.primaryColor}
            onChange={set("primaryColor")}
            error={error("primaryColor")}
          />
          <TextField
            id="brand-accent"
            label="Accent colour"
            value={values.accentColor}
            onChange={set("accentColor")}
            error={error("accentColor")}
          />
          <TextField
            id="brand-logo"
            label="Logo URL (https, optional)"
            value={values.logoUrl}
            onChange={set("logoUrl")}
            error={result?.fieldErrors?.["branding.logoUrl"]}
          />
          {result?.ok === false && <FormMessage result={result} />}
          <div>
            <Button type="submit" pending={pending}>
              Save branding
            </Button>
          </div>
        </div>
        <figure className="flex flex-col gap-2" data-testid="brand-preview">
          <figcaption className="text-sm text-fg-muted">Preview</figcaption>
          {inBrowser && palette?.ok ? (
            <div className="overflow-hidden rounded-lg border border-line">
              <div
                className="flex items-center justify-between gap-2 px-4 py-3"
                style={{ background: palette.palette.primary, color: palette.palette.primaryForeground }}
              >
                <span className="font-semibold">{name}</span>
                <span className="text-sm">Settings</span>
              </div>
              <div className="flex flex-col gap-3 bg-white p-4 text-zinc-900">
                <p className="text-sm">Welcome back.</p>
                <span
                  className="w-fit rounded-md px-3 py-1.5 text-sm font-medium"
                  style={{ background: palette.palette.accent, color: palette.palette.accentForeground }}
                >
                  A button
                </span>
              </div>
            </div>
          ) : (
            <p className="rounded-lg border border-dashed border-line p-6 text-sm text-fg-muted">
              {colorsValid
                ? "These colours are not readable together; change the one marked."
                : "Enter colours like #1a2b3c to see the preview."}
            </p>
          )}
        </figure>
      </form>
    </Panel>
  );
}
