"use client";

import { useEffect, useRef } from "react";
import type { BrandPalette } from "@/lib/branding/contrast";

/**
 * The portal's header and home page with the unsaved colours. The colours go
 * on the container as CSS variables through the CSSOM (the CSP refuses style
 * attributes in the HTML), so only the preview changes.
 */
export function BrandPreview({
  palette,
  tenantName,
  logoUrl,
}: {
  palette: BrandPalette;
  tenantName: string;
  logoUrl: string | null;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const style = ref.current?.style;
    if (!style) return;
    style.setProperty("--brand-primary", palette.primary);
    style.setProperty("--brand-primary-foreground", palette.primaryForeground);
    style.setProperty("--brand-accent", palette.accent);
    style.setProperty("--brand-accent-foreground", palette.accentForeground);
  }, [palette]);
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="text-sm font-medium">Preview (unsaved changes)</figcaption>
      <div
        ref={ref}
        data-testid="brand-preview"
        className="overflow-hidden rounded-lg border border-line"
        aria-label="Preview of the portal"
      >
        <div className="flex items-center gap-3 bg-brand px-4 py-3 text-brand-foreground" data-testid="preview-header">
          {logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={logoUrl} alt="" className="h-6 w-auto" />
          ) : (
            <span aria-hidden className="grid size-6 place-items-center rounded bg-brand-foreground text-xs font-bold text-brand">
              {tenantName.charAt(0).toUpperCase()}
            </span>
          )}
          <span className="font-semibold">{tenantName}</span>
          <span className="ml-auto rounded bg-brand-foreground px-2 py-1 text-xs font-medium text-brand">Sign in</span>
        </div>
        <div className="flex flex-col gap-3 bg-white p-4 text-zinc-900">
          <p className="text-lg font-bold">Welcome to the {tenantName} portal</p>
          <p className="text-sm">
            Links look <span className="font-medium text-accent underline">like this</span>.
          </p>
          <p>
            <span
              className="inline-block rounded bg-accent px-2 py-1 text-xs font-medium text-accent-foreground"
              data-testid="preview-accent"
            >
              Accent
            </span>
          </p>
        </div>
      </div>
    </figure>
  );
}
