"use client";

import { useCallback, useState, useTransition } from "react";
import { resetBrandingAction, saveBrandingAction } from "@/lib/branding/actions";
import { Section } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { useToast } from "@/components/ui/toast";
import { derivePalette, type PaletteResult } from "@/lib/branding/contrast";
import type { ActionResult } from "@/lib/entry-points/result";
import { AssetUpload } from "./asset-upload";
import { BrandPreview } from "@/components/branding/brand-preview";
import { ColorField } from "@/components/branding/color-field";
import { CssEditor } from "./css-editor";

type Editable = { primaryColor: string; accentColor: string; customCss: string };
type Props = {
  tenantName: string;
  slug: string;
  saved: Editable;
  logoUrl: string | null;
  faviconUrl: string | null;
  /** "included", or the cheapest plan that has custom CSS. */
  customCss: string;
  canWrite: boolean;
};

const HEX = /^#[0-9a-f]{6}$/i;

/** The same contrast rule the server applies on save, run as you type. */
function check(draft: Editable): PaletteResult | null {
  return HEX.test(draft.primaryColor) && HEX.test(draft.accentColor) ? derivePalette(draft) : null;
}

export function BrandingEditor({ tenantName, slug, saved, logoUrl, faviconUrl, customCss, canWrite }: Props) {
  const [draft, setDraft] = useState(saved);
  const [previewCss, setPreviewCss] = useState("");
  const onSanitised = useCallback((css: string) => setPreviewCss(css), []);
  const [base, setBase] = useState(saved);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [resetting, setResetting] = useState(false);
  const [pending, start] = useTransition();
  const toast = useToast();
  const checked = check(draft);
  const palette = checked?.ok ? checked.palette : (check(base) as Extract<PaletteResult, { ok: true }> | null)?.palette;
  const changed = (Object.keys(draft) as (keyof Editable)[]).filter((k) => draft[k] !== base[k]);
  const problems = checked && !checked.ok ? checked.problems : [];
  const errorFor = (field: "primaryColor" | "accentColor") =>
    !HEX.test(draft[field])
      ? "Use a colour like #1a2b3c."
      : (problems.find((p) => (field === "primaryColor" ? p.pair === "text on primary" : p.pair !== "text on primary"))
          ?.message ?? result?.fieldErrors?.[`branding.${field}`]);
  const set = (field: keyof Editable) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const save = () =>
    start(async () => {
      const outcome = await saveBrandingAction(Object.fromEntries(changed.map((k) => [k, draft[k]])));
      setResult(outcome.ok ? null : outcome);
      if (outcome.ok) {
        setBase(draft);
        toast(outcome.message);
      }
    });
  const reset = () =>
    start(async () => {
      const outcome = await resetBrandingAction({});
      setResetting(false);
      toast(outcome.message, outcome.ok ? "success" : "error");
    });

  return (
    <div className="flex flex-col gap-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <Section
          title="Colours"
          description="Text on each colour is white or near-black, whichever reads better; both must meet WCAG AA (4.5:1)."
        >
          <div className="flex flex-wrap gap-6">
            <ColorField
              id="primary-color"
              label="Primary colour"
              value={draft.primaryColor}
              onChange={set("primaryColor")}
              error={errorFor("primaryColor")}
              readOnly={!canWrite}
            />
            <ColorField
              id="accent-color"
              label="Accent colour"
              value={draft.accentColor}
              onChange={set("accentColor")}
              error={errorFor("accentColor")}
              readOnly={!canWrite}
            />
          </div>
          <p className="text-sm" data-testid="contrast-status" aria-live="polite">
            {checked?.ok
              ? `Readable: text on primary is ${checked.palette.primaryForeground === "#ffffff" ? "white" : "near-black"}, on accent ${checked.palette.accentForeground === "#ffffff" ? "white" : "near-black"}.`
              : problems.length > 0
                ? `${problems.length} contrast problem${problems.length > 1 ? "s" : ""}: change the colour before saving.`
                : "Enter both colours as #rrggbb."}
          </p>
        </Section>
        {palette && (
          <BrandPreview
            palette={palette}
            tenantName={tenantName}
            slug={slug}
            logoUrl={logoUrl}
            css={customCss === "included" ? previewCss : ""}
          />
        )}
      </div>
      {canWrite && (
        <Section title="Logo and favicon" description="Saved as soon as they are uploaded.">
          <div className="grid gap-4 sm:grid-cols-2">
            <AssetUpload kind="LOGO" label="Logo" current={logoUrl} />
            <AssetUpload kind="FAVICON" label="Favicon" current={faviconUrl} />
          </div>
        </Section>
      )}
      <Section title="Custom CSS">
        {customCss === "included" ? (
          <CssEditor value={draft.customCss} onChange={set("customCss")} onSanitised={onSanitised} readOnly={!canWrite} />
        ) : (
          <p className="text-sm text-fg-muted" data-testid="css-plan">
            Custom CSS is available on the {customCss.charAt(0).toUpperCase() + customCss.slice(1)} plan and above.
          </p>
        )}
      </Section>
      {canWrite ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button onClick={save} pending={pending && !resetting} disabled={changed.length === 0 || !checked?.ok}>
            Save branding
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              setDraft(base);
              setResult(null);
            }}
            disabled={changed.length === 0}
          >
            Discard changes
          </Button>
          <Button variant="danger" onClick={() => setResetting(true)}>
            Reset to defaults
          </Button>
          <FormMessage result={result} />
          <Dialog open={resetting} onClose={() => setResetting(false)} title="Reset branding to the defaults?">
            <p className="text-sm">
              The platform&apos;s colours replace yours, and the logo, favicon and custom CSS are removed.
            </p>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setResetting(false)} autoFocus>
                Cancel
              </Button>
              <Button variant="danger" onClick={reset} pending={pending}>
                Reset branding
              </Button>
            </div>
          </Dialog>
        </div>
      ) : (
        <p className="text-sm text-fg-muted">Only owners and admins can change the branding.</p>
      )}
    </div>
  );
}
