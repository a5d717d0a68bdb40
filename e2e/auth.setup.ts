import { test as setup } from "@playwright/test";
import { expectSignedInAs, ownAddress, signIn } from "./auth";
import { SIGNED_IN, stateOf } from "./fixtures/roles";
import { PORT, tenantUrl } from "./hosts";

// Signs each role in once, on its own host, through the real form, and saves
// the browser state for the specs that need a signed-in user.
for (const who of SIGNED_IN) {
  setup(`sign in as ${who}`, async ({ page }) => {
    await ownAddress(page);
    if (who === "super-admin") {
      await signIn(page, `http://localhost:${PORT}`, "admin@livery.test");
      await expectSignedInAs(page, "super admin");
    } else {
      const [slug, role] = who.split("-") as [string, string];
      await signIn(page, tenantUrl(slug).replace(/\/$/, ""), `${role}@${slug}.test`);
      await expectSignedInAs(page, role);
    }
    await page.context().storageState({ path: stateOf(who) });
  });
}
