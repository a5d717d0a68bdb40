import { revalidatePath } from "next/cache";
import { uploadBrandAsset } from "@/lib/branding/assets";
import { tenantRoute } from "@/lib/entry-points/route";
import { ApiError } from "@/lib/http/errors";

const MAX_BYTES = 512 * 1024;

/**
 * Logo and favicon uploads from the branding page. A route handler rather than
 * a Server Action so the browser can report upload progress (XMLHttpRequest).
 * The body is the image itself; `?kind=LOGO|FAVICON`. The entry-point client
 * checks the session, the tenant's status, write:config, the (heavy) rate
 * limit and that the request comes from this host's own pages.
 */
export const POST = tenantRoute({ permission: "write:config", limit: "heavy" }, async ({ ctx, request }) => {
  const kind = request.nextUrl.searchParams.get("kind");
  if (kind !== "LOGO" && kind !== "FAVICON") {
    throw new ApiError("validation_failed", 422, "Say which image this is.", [
      { path: ["kind"], message: "must be LOGO or FAVICON" },
    ]);
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BYTES) {
    throw new ApiError("payload_too_large", 413, "Images may be at most 512 KB.");
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_BYTES) throw new ApiError("payload_too_large", 413, "Images may be at most 512 KB.");
  const asset = await uploadBrandAsset(ctx.tenantId, kind, bytes, request.headers.get("content-type") ?? undefined, ctx.actor);
  revalidatePath("/", "layout");
  return Response.json({ url: asset.url, message: `${kind === "LOGO" ? "Logo" : "Favicon"} uploaded.` }, { status: 201 });
});
