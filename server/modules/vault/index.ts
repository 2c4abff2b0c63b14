import { MINUTE_MS } from '../../../common/time.ts';
import { defineModule } from '../../platform/module.ts';
import { expireBreakGlass, purgeClosedVaults } from './vault.admin.ts';
import { vaultRoutes } from './vault.routes.ts';

export { reencryptVaultEntries, reencryptVaultPhotos, type VaultReencryptCounts } from './vault.crypto.ts';

/** The victim-data vault of coordination requests: encrypted named data, consent gate, break-glass, purge. */
export default defineModule({
  name: 'vault',
  dependencies: ['coordination'],
  routes: vaultRoutes,
  jobs: [
    // A window's end is recorded within a minute of its expiry.
    { name: 'vault break-glass expiry', everyMs: MINUTE_MS, run: expireBreakGlass },
    { name: 'vault purge', everyMs: 60 * MINUTE_MS, firstAfterMs: 5 * MINUTE_MS, run: purgeClosedVaults },
  ],
});
