import { z } from "zod";
import { normaliseHost } from "@/lib/tenancy/host";

/**
 * A custom domain a tenant can claim: a DNS name with at least two labels
 * and an alphabetic top-level label, normalised like a Host header. Names
 * under the platform's own domain are refused by the service, which knows it.
 */
export const customHostnameSchema = z
  .string()
  .trim()
  .min(1, "is required")
  .transform((value, ctx) => {
    const result = normaliseHost(value);
    if ("problem" in result || !/\.[a-z]{2,63}$/.test(result.host)) {
      ctx.addIssue({ code: "custom", message: "must be a domain name such as portal.example.com" });
      return z.NEVER;
    }
    return result.host;
  });
