import type { z } from "zod";
import { apiKeyCreateSchema } from "@/lib/api-keys/schemas";

/** A platform key: a name and optionally when it expires. It may do anything a platform principal may. */
export const platformKeyCreateSchema = apiKeyCreateSchema.pick({ name: true, expiresAt: true }).strict();
export type PlatformKeyCreateInput = z.output<typeof platformKeyCreateSchema>;
