import { defineModule } from '../../platform/module.ts';
import { backupRoutes } from './backup.routes.ts';

/** Backups of the embedded database while the server runs, for `npm run db:backup`. */
export default defineModule({ name: 'backup', routes: backupRoutes });
