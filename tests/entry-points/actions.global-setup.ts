import { assertBuilt, distDir } from "./live-server";
import { sourceAndBuild } from "./manifest";

// Before any server starts: there must be a production build (this suite
// never makes one), and its manifest must name exactly the Server Actions the
// source declares. This is the registry test's build half
// (tests/entry-points/registry.test.ts skips it without a build); here it
// never skips, and a stale build fails with the difference named.

export default function setup(): void {
  assertBuilt();
  const { source, built } = sourceAndBuild();
  const missing = source.filter((a) => !built.includes(a));
  const extra = built.filter((a) => !source.includes(a));
  if (missing.length > 0 || extra.length > 0 || source.length !== built.length) {
    throw new Error(
      `The build in ${distDir()} does not serve the Server Actions the source declares ` +
        `(${source.length} in the source, ${built.length} in the manifest).` +
        (missing.length ? `\n  not in the build: ${missing.join(", ")}` : "") +
        (extra.length ? `\n  only in the build: ${extra.join(", ")}` : "") +
        "\nRebuild (`npm run build`) or point NEXT_DIST_DIR at a current build.",
    );
  }
  console.log(`Server Actions: ${source.length} in the source and in the build's manifest (${distDir()})`);
}
