import { ActorType } from "@/lib/db/generated/prisma/enums";

const ACTION_PREFIXES = [
  ["", "All actions"],
  ["api_key.", "API keys"],
  ["config.", "Configuration"],
  ["branding.", "Branding assets"],
  ["member.", "Members and invitations"],
  ["auth.", "Sign-ins"],
  ["domain.", "Domains"],
  ["usage.", "Usage events"],
  ["tenant.", "Tenant status and plan"],
] as const;

const ACTOR_LABELS: Record<ActorType, string> = {
  USER: "A person",
  TENANT_API_KEY: "An API key",
  PLATFORM_API_KEY: "The platform",
  SYSTEM: "The system",
};

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and shared. */
export function AuditFilters({ action, actorType }: { action: string; actorType: string }) {
  const select = "rounded-md border border-line bg-surface px-3 py-2 text-sm text-fg";
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
      <label className="flex flex-col gap-1 text-sm font-medium">
        Action
        <select name="action" defaultValue={action} className={select}>
          {ACTION_PREFIXES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
          {action && !ACTION_PREFIXES.some(([value]) => value === action) && <option value={action}>{action}</option>}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Done by
        <select name="actorType" defaultValue={actorType} className={select}>
          <option value="">Anyone</option>
          {Object.values(ActorType).map((type) => (
            <option key={type} value={type}>
              {ACTOR_LABELS[type]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-brand-foreground hover:opacity-90">
        Filter
      </button>
    </form>
  );
}
