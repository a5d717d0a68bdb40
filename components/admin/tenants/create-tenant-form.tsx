"use client";

import { useActionState, useRef, useState } from "react";
import { checkSlugAction, createTenantAction, type CreatedTenantResult } from "@/lib/tenants/actions";
import { Field, SelectField } from "@/components/ui/field";
import { TenantCreated } from "./tenant-created";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/entry-points/result";
import { PLANS } from "@/lib/tenants/plans";
import { createTenantSchema, slugSchema } from "@/lib/tenants/schemas";

type SlugCheck = { state: "idle" | "checking" | "ok" | "bad"; message: string };

/** "Acme Corp." → "acme-corp": a starting point the operator can change. */
const slugFrom = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63);

/** The same zod schema the API uses, so the browser's messages are the server's. */
function clientErrors(form: FormData): Record<string, string> {
  const input = Object.fromEntries(
    ["name", "slug", "plan", "ownerEmail"]
      .map((n) => [n, form.get(n)?.toString() ?? ""])
      .filter(([n, v]) => v !== "" || n !== "ownerEmail"),
  );
  const parsed = createTenantSchema.safeParse(input);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

export function CreateTenantForm() {
  const toast = useToast();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, action, pending] = useActionState<ActionResult<CreatedTenantResult> | null, FormData>(async (previous, form) => {
    const outcome = await createTenantAction(previous, form);
    setErrors(outcome.fieldErrors ?? {});
    if (outcome.ok) toast(outcome.message);
    return outcome;
  }, null);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [check, setCheck] = useState<SlugCheck>({ state: "idle", message: "" });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef("");
  // A field's error goes once it is edited; the next submit checks again.
  const edited = (field: string) => setErrors((all) => Object.fromEntries(Object.entries(all).filter(([key]) => key !== field)));

  // Format and reserved words at once, by the API's schema; availability after a pause, from the server.
  const changeSlug = (value: string) => {
    setSlug(value);
    latest.current = value;
    clearTimeout(timer.current);
    if (!value) return setCheck({ state: "idle", message: "" });
    const parsed = slugSchema.safeParse(value);
    if (!parsed.success) return setCheck({ state: "bad", message: `The slug ${parsed.error.issues[0]?.message}.` });
    setCheck({ state: "checking", message: "Checking…" });
    timer.current = setTimeout(() => {
      void checkSlugAction({ slug: value }).then((answer) => {
        if (latest.current === value) setCheck({ state: answer.ok ? "ok" : "bad", message: answer.message });
      });
    }, 300);
  };

  if (result?.ok && result.data) return <TenantCreated created={result.data} />;

  const slugHint =
    check.state === "idle"
      ? "3–63 characters: a–z, 0–9 and inner hyphens. The portal is served at <slug>.<root domain>."
      : check.message;
  return (
    <form
      action={action}
      noValidate
      onSubmit={(event) => {
        const found = clientErrors(new FormData(event.currentTarget));
        setErrors(found);
        if (Object.keys(found).length > 0) event.preventDefault();
      }}
      className="flex max-w-xl flex-col gap-4"
    >
      <Field
        id="tenant-name"
        name="name"
        label="Name"
        required
        value={name}
        error={errors.name}
        onChange={(event) => {
          setName(event.target.value);
          edited("name");
          if (!slugEdited) changeSlug(slugFrom(event.target.value));
        }}
      />
      <Field
        id="tenant-slug"
        name="slug"
        label="Slug"
        required
        value={slug}
        autoComplete="off"
        spellCheck={false}
        error={errors.slug ?? (check.state === "bad" ? check.message : undefined)}
        hint={check.state === "bad" ? undefined : <span data-testid="slug-check">{slugHint}</span>}
        onChange={(event) => {
          setSlugEdited(true);
          edited("slug");
          changeSlug(event.target.value.toLowerCase());
        }}
      />
      <SelectField
        id="tenant-plan"
        name="plan"
        label="Plan"
        defaultValue="free"
        error={errors.plan}
        onChange={() => edited("plan")}
      >
        {PLANS.map((plan) => (
          <option key={plan} value={plan}>
            {plan}
          </option>
        ))}
      </SelectField>
      <Field
        id="tenant-owner"
        name="ownerEmail"
        type="email"
        label="First owner's email (optional)"
        hint="They get a one-time invitation link to set up their account."
        error={errors.ownerEmail}
        onChange={() => edited("ownerEmail")}
      />
      {result && !result.ok && <FormMessage result={result} />}
      <div>
        <Button type="submit" pending={pending}>
          {pending ? "Creating…" : "Create tenant"}
        </Button>
      </div>
    </form>
  );
}
