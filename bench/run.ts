// `npm run bench`: every benchmark of the project, one after another, each
// printing its variants side by side. Set TEST_DATABASE_URL to include PostgreSQL.
import { benchApi } from "./api.bench";
import { benchPages } from "./pages.bench";
import { withBenchServer } from "./server";
import { benchSignInFlood } from "./sign-in-flood.bench";
import { benchTenantContext } from "./tenant-context.bench";
import { benchTenantResolution } from "./tenant-resolution.bench";
import { benchTenantsList } from "./tenants-list.bench";
import { benchTlsAsk } from "./tls-ask.bench";

console.log(`Livery benchmarks — node ${process.version}, ${new Date().toISOString()}`);
await benchTenantContext();
await benchTenantResolution();
await benchTenantsList();
await withBenchServer(async (server) => {
  await benchPages(server);
  await benchApi(server);
  await benchTlsAsk(server);
});
await benchSignInFlood();
