import { defineConfig } from 'vitest/config';

// Tests import libs by package name; the `@tugboat/source` export condition maps them to src/ so no build is needed.
export default defineConfig({
  resolve: { conditions: ['@tugboat/source'] },
  ssr: { resolve: { conditions: ['@tugboat/source'] } },
  test: {
    include: ['{apps,libs,e2e,bench}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
