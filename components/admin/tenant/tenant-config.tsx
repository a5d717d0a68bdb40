"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { updateFeaturesAction, updateTenantAction } from "@/lib/tenants/actions";
import { SelectField } from "@/components/ui/field";
import { Section } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/entry-points/result";
import { FEATURES, LIMITS, PLANS, PLAN_DEFAULTS, type Feature, type Limit, planIncludes } from "@/lib/tenants/plans";

type Props = {
  tenantId: string;
  plan: (typeof PLANS)[number];
  features: Record<Feature, boolean>;
  overrides: Partial<Record<Limit, number>>;
};

const LIMIT_LABELS: Record<Limit, string> = {
  users: "Members",
  storageBytes: "Storage (bytes)",
  apiRatePerMinute: "API calls per minute",
  apiKeys: "API keys",
  contentItems: "Content items",
  customDomains: "Custom domains",
};

/** Plan, feature switches and limit overrides: each saved through the service the REST API uses. */
export function TenantConfig({ tenantId, plan, features, overrides }: Props) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [results, setResults] = useState<Record<string, ActionResult | null>>({});
  // onSubmit, not a form action: React resets a form after its action, which would drop what was typed meanwhile.
  const submit = (work: (form: FormData) => Promise<ActionResult>, part: string) => (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save(part, () => work(form));
  };
  const save = (part: string, work: () => Promise<ActionResult>) =>
    startTransition(async () => {
      const outcome = await work();
      setResults((all) => ({ ...all, [part]: outcome }));
      if (outcome.ok) {
        toast(outcome.message);
        router.refresh();
      }
    });

  return (
    <>
      <Section
        title="Plan"
        description="A downgrade keeps the data; features the new plan lacks stop taking effect, and custom domains over its limit stop routing."
      >
        <form
          onSubmit={submit(
            (form) => updateTenantAction({ tenantId, plan: String(form.get("plan")) as (typeof PLANS)[number] }),
            "plan",
          )}
          className="flex flex-wrap items-end gap-3"
        >
          <SelectField id="config-plan" name="plan" label="Plan" defaultValue={plan}>
            {PLANS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </SelectField>
          <Button type="submit" pending={pending}>
            Save plan
          </Button>
        </form>
        {results.plan?.ok === false && <FormMessage result={results.plan} />}
      </Section>

      <Section title="Features" description="Switches the tenant can also change; a feature outside its plan cannot be on.">
        <form
          onSubmit={submit(
            (form) =>
              updateFeaturesAction({ tenantId, features: Object.fromEntries(FEATURES.map((f) => [f, form.get(f) === "on"])) }),
            "features",
          )}
          className="flex flex-col gap-3"
        >
          <fieldset className="flex flex-col gap-2">
            <legend className="sr-only">Features</legend>
            {FEATURES.map((feature) => {
              const included = planIncludes(plan, feature);
              return (
                <label key={feature} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name={feature} defaultChecked={features[feature]} disabled={!included} />
                  <span className="font-mono">{feature}</span>
                  {!included && <span className="text-fg-muted">(not in the {plan} plan)</span>}
                </label>
              );
            })}
          </fieldset>
          {results.features?.ok === false && <FormMessage result={results.features} />}
          <div>
            <Button type="submit" pending={pending}>
              Save features
            </Button>
          </div>
        </form>
      </Section>

      <Section title="Limit overrides" description="Leave a field empty to use the plan's value (shown as the placeholder).">
        <form
          onSubmit={submit(
            (form) =>
              updateTenantAction({
                tenantId,
                limits: Object.fromEntries(LIMITS.map((l) => [l, form.get(l) === "" ? null : Number(form.get(l))])),
              }),
            "limits",
          )}
          noValidate
          className="flex flex-col gap-3"
        >
          <div className="grid gap-3 sm:grid-cols-2">
            {LIMITS.map((limit) => {
              const error = results.limits?.fieldErrors?.[`limits.${limit}`];
              return (
                <div key={limit} className="flex flex-col gap-1">
                  <label htmlFor={`limit-${limit}`} className="text-sm font-medium">
                    {LIMIT_LABELS[limit]}
                  </label>
                  <input
                    id={`limit-${limit}`}
                    name={limit}
                    type="number"
                    min={0}
                    step={1}
                    defaultValue={overrides[limit] ?? ""}
                    placeholder={String(PLAN_DEFAULTS[plan].limits[limit])}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `limit-${limit}-error` : undefined}
                    className="rounded-md border border-line bg-surface px-3 py-2 text-fg"
                  />
                  {error && (
                    <p id={`limit-${limit}-error`} className="text-sm text-red-700 dark:text-red-400">
                      {error}
                    </p>
                  )}
                </div>
              );
            })}
          </div>
          {results.limits?.ok === false && <FormMessage result={results.limits} />}
          <div>
            <Button type="submit" pending={pending}>
              Save limits
            </Button>
          </div>
        </form>
      </Section>
    </>
  );
}
