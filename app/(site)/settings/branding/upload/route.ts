import { revalidatePath } from "next/cache";
import type { NextRequest } from "next/server";
import { toErrorResponse } from "@/lib/api/error-response";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { uploadBrandAsset } from "@/lib/branding/assets";
import { ApiError, forbidden, unauthenticated } from "@/lib/http/errors";
import { requestIp } from "@/lib/http/session-action";
import { REQUEST_ID_HEADER } from "@/lib/tenancy/headers";

const MAX_BYTES = 512 * 1024;

/**
 * Logo and favicon uploads from the branding page. A route handler rather than
 * a Server Action so the browser can report upload progress (XMLHttpRequest).
 * The body is the image itself; `?kind=LOGO|FAVICON`. Same checks as the
 * page's actions: a session on this tenant's host with write:config, sent
 * from this host's own pages.
 */
export async function POST(request: NextRequest) {
  const requestId = request.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID();
  try {
    const user = await getSessionUser();
    if (!user?.tenantId) throw unauthenticated("unauthenticated", "Your session has ended. Sign in again.");
    if (!can(user.role, "write:config")) throw forbidden("insufficient_permissions", "Your role cannot change the branding.");
    const origin = request.headers.get("origin");
    if (!origin || new URL(origin).host !== request.headers.get("host")) {
      throw forbidden("cross_origin", "Uploads must come from this portal's own pages.");
    }
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
    const actor = {
      type: "USER" as const,
      id: user.id,
      label: user.email,
      ip: await requestIp(),
      userAgent: request.headers.get("user-agent"),
    };
    const asset = await uploadBrandAsset(user.tenantId, kind, bytes, request.headers.get("content-type") ?? undefined, actor);
    revalidatePath("/", "layout");
    return Response.json({ url: asset.url, message: `${kind === "LOGO" ? "Logo" : "Favicon"} uploaded.` }, { status: 201 });
  } catch (error) {
    const mapped = toErrorResponse(error, requestId);
    return Response.json(mapped.body, { status: mapped.status, headers: { ...mapped.headers, "X-Request-Id": requestId } });
  }
}
