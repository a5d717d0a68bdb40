"use client";

import { useActionState } from "react";
import { addDomainAction } from "@/lib/domains/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function AddDomainForm() {
  const [state, action, pending] = useActionState(addDomainAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <Field
            id="hostname"
            name="hostname"
            label="Domain"
            placeholder="portal.example.com"
            required
            error={state?.fieldErrors?.hostname}
          />
        </div>
        <Button type="submit" pending={pending}>
          Add domain
        </Button>
      </div>
      <FormMessage result={state} />
    </form>
  );
}
