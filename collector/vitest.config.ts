import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.jsonc' },
      miniflare: {
        // No Request.cf download from the internet at start-up.
        cf: false,
        // Databases of their own, for tests that apply the migrations one by one, and a site's own database
        // (SITE_DATABASES: test/tenant.test.ts).
        d1Databases: {
          TENANT_DB: 'tenant-db',
          MIGRATION_DB: 'migration-db',
          NPS_MIGRATION_DB: 'nps-migration-db',
          SURVEY_MIGRATION_DB: 'survey-migration-db',
        },
        bindings: {
          ADMIN_TOKEN: 'test-admin-token',
          SITE_DATABASES: JSON.stringify({ 'tenant-shop': 'TENANT_DB' }),
          TEST_MIGRATIONS: await readD1Migrations('./migrations'),
        },
      },
    }),
  ],
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
  },
}));
