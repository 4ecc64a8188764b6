import type { D1Migration } from 'cloudflare:test';
import type { Bindings } from '../src/env';

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      TEST_MIGRATIONS: D1Migration[];
      MIGRATION_DB: D1Database;
      NPS_MIGRATION_DB: D1Database;
      SURVEY_MIGRATION_DB: D1Database;
      /** The own database of the site `tenant-shop` (SITE_DATABASES in vitest.config.ts). */
      TENANT_DB: D1Database;
    }
    interface GlobalProps {
      mainModule: typeof import('../src/index');
    }
  }
}
