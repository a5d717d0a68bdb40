"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { updateBrandingAction } from "@/lib/tenants/actions";
import { BrandPreview } from "@/components/branding/brand-preview";
import { ColorField } from "@/components/branding/color-field";
import { Field } from "@/components/ui/field";
import { Section } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useToast } from "@/components/ui/toast";
import { derivePalette } from "@/lib/branding/contrast";
import type { ActionResult } from "@/lib/entry-points/result";

type Props = { tenantId: string; name: string; slug: string; primaryColor: string; accentColor: string; logoUrl: string };

const HEX = /^#[0-9a-fA-F]{6}$/;

/**
 * The tenant's colours and logo URL, checked for contrast as you type by the
 * same rule the server applies, with the preview the tenant's own branding
 * page shows (its home page in the unsaved colours).
 */
export function BrandingEditor({ tenantId, name, slug, ...initial }: Props) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [values, setValues] = useState(initial);
  const [result, setResult] = useState<ActionResult | null>(null);
  const colorsValid = HEX.test(values.primaryColor) && HEX.test(values.accentColor);
  const palette = colorsValid ? derivePalette(values) : null;
  const problems = palette && !palette.ok ? palette.problems : [];
  const set = (field: keyof typeof values) => (value: string) => setValues((all) => ({ ...all, [field]: value }));
  const error = (field: string) =>
    result?.fieldErrors?.[`branding.${field}`] ??
    problems.find((p) => (field === "primaryColor" ? p.pair === "text on primary" : p.pair !== "text on primary"))?.message;
  const logoUrl = /^https:\/\/\S+$/.test(values.logoUrl.trim()) ? values.logoUrl.trim() : null;

  return (
    <Section
      title="Branding"
      description="The portal's colours and logo. The preview shows the portal's home page as visitors will see it."
    >
      <form
        noValidate
        className="grid gap-6 md:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(async () => {
            const outcome = await updateBrandingAction({
              tenantId,
              branding: {
                primaryColor: values.primaryColor,
                accentColor: values.accentColor,
                logoUrl: values.logoUrl.trim() === "" ? null : values.logoUrl.trim(),
              },
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
          <ColorField
            id="brand-primary"
            label="Primary colour"
            value={values.primaryColor}
            onChange={set("primaryColor")}
            error={error("primaryColor")}
            readOnly={false}
          />
          <ColorField
            id="brand-accent"
            label="Accent colour"
            value={values.accentColor}
            onChange={set("accentColor")}
            error={error("accentColor")}
            readOnly={false}
          />
          <Field
            id="brand-logo"
            label="Logo URL (https, optional)"
            value={values.logoUrl}
            onChange={(event) => set("logoUrl")(event.target.value)}
            error={result?.fieldErrors?.["branding.logoUrl"]}
          />
          {result?.ok === false && <FormMessage result={result} />}
          <div>
            <Button type="submit" pending={pending}>
              Save branding
            </Button>
          </div>
        </div>
        {palette?.ok ? (
          <BrandPreview palette={palette.palette} tenantName={name} slug={slug} logoUrl={logoUrl} css="" />
        ) : (
          <p className="rounded-lg border border-dashed border-line p-6 text-sm text-fg-muted">
            {colorsValid
              ? "These colours are not readable together; change the one marked."
              : "Enter colours like #1a2b3c to see the preview."}
          </p>
        )}
      </form>
    </Section>
  );
}
