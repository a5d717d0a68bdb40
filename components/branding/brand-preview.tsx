"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import { TenantHome } from "@/components/tenant/tenant-home";
import type { BrandPalette } from "@/lib/branding/contrast";

/**
 * The portal's home page with the unsaved colours and custom CSS. The colours
 * go on the container as CSS variables through the CSSOM (the CSP refuses
 * style attributes in the HTML); the CSS, already sanitised by the server and
 * scoped to [data-brand-preview], goes in a style element carrying the
 * document's CSP nonce. Neither reaches anything outside the preview.
 */
export function BrandPreview({
  palette,
  tenantName,
  slug,
  logoUrl,
  css,
}: {
  palette: BrandPalette;
  tenantName: string;
  slug: string;
  logoUrl: string | null;
  css: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const nonce = useDocumentNonce();
  useEffect(() => {
    const style = ref.current?.style;
    if (!style) return;
    style.setProperty("--brand-primary", palette.primary);
    style.setProperty("--brand-primary-foreground", palette.primaryForeground);
    style.setProperty("--brand-accent", palette.accent);
    style.setProperty("--brand-accent-foreground", palette.accentForeground);
  }, [palette]);
  return (
    <figure className="flex min-w-0 flex-col gap-2">
      <figcaption className="text-sm font-medium">Preview of the home page (unsaved changes)</figcaption>
      {css && (
        <style nonce={nonce} data-testid="preview-css">
          {css}
        </style>
      )}
      {/* A picture of the page, not a second page: hidden from assistive technology and not focusable. */}
      <div
        ref={ref}
        data-testid="brand-preview"
        aria-hidden
        inert
        className="max-h-96 overflow-hidden rounded-lg border border-line bg-surface"
      >
        <TenantHome brand={{ name: tenantName, slug, logoUrl: logoUrl ?? undefined }} preview />
      </div>
    </figure>
  );
}

/**
 * The nonce the document was loaded with, read from an element that carries
 * it. Not the one this page's request had: after a client-side navigation
 * they differ, and the browser enforces the document's.
 */
function useDocumentNonce(): string | undefined {
  return useSyncExternalStore(
    noChanges,
    () => document.querySelector<HTMLElement>("script[nonce], style[nonce]")?.nonce || undefined,
    () => undefined,
  );
}

const noChanges = () => () => undefined;
