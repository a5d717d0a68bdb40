import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { brandCssVariables, PLATFORM_COLORS } from "@/lib/branding/brand";
import { getRequestBrand } from "@/lib/tenancy/current";
import { NONCE_HEADER } from "@/lib/tenancy/security-headers";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const brand = await getRequestBrand();
  if (!brand) {
    return { title: { default: "Livery", template: "%s · Livery" }, description: "One deployment, many branded admin portals." };
  }
  return {
    title: { default: brand.name, template: `%s · ${brand.name}` },
    description: `${brand.name} portal`,
    icons: brand.faviconUrl ? { icon: brand.faviconUrl } : undefined,
    applicationName: brand.name,
  };
}

export async function generateViewport(): Promise<Viewport> {
  const brand = await getRequestBrand();
  return { themeColor: brand?.palette.primary ?? PLATFORM_COLORS.primaryColor };
}

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  const brand = await getRequestBrand();
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html lang="en">
      <head>
        {/* The brand is in the first HTML byte, so there is no flash of the platform's colours. */}
        {brand && (
          <style id="tenant-brand" nonce={nonce} dangerouslySetInnerHTML={{ __html: brandCssVariables(brand.palette) }} />
        )}
        {/* Sanitised to a safe, scoped subset that cannot contain "<" (lib/branding/sanitize-css.ts). */}
        {brand?.customCss && <style id="tenant-css" nonce={nonce} dangerouslySetInnerHTML={{ __html: brand.customCss }} />}
      </head>
      <body className="min-h-screen antialiased" data-tenant={brand?.slug}>
        {children}
      </body>
    </html>
  );
}
