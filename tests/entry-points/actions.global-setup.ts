import { builtActions } from "./manifest";
import { assertBuilt, distDir } from "./live-server";

// Before any test file is collected: there must be a production build (these
// suites never make one) whose manifest lists Server Actions. The build's
// manifest is then compared with the source scan by the suites themselves:
// an action of the source missing from the build fails their collection
// (tests/entry-points/action-specs.ts), and their first test compares the two
// sets — the registry test's build half, which here never skips.

export default function setup(): void {
  assertBuilt();
  const count = builtActions()?.length ?? 0;
  if (count === 0) throw new Error(`The build in ${distDir()} serves no Server Actions: is it a build of this app?`);
  console.log(`Server Actions: ${count} in the build's manifest (${distDir()})`);
}
