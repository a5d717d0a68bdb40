import type { Permission } from "@/lib/auth/permissions";

/** What each permission lets a key do, for the create form. */
export const PERMISSION_LABELS: Record<Permission, string> = {
  "read:content": "Read content",
  "write:content": "Create, change and delete content",
  "read:config": "Read branding, features and security settings",
  "write:config": "Change branding, features and security settings",
  "read:keys": "List API keys",
  "write:keys": "Create, rotate and revoke API keys",
  "read:usage": "Read usage figures",
  "read:audit": "Read the audit log",
  "read:members": "List members",
  "write:members": "Invite, change and remove members",
  "manage:ownership": "Transfer ownership",
};
