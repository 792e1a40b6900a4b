// One Vitest config, three projects: `unit` (Node, real .wasm), `components` (happy-dom), `e2e` (Chromium).
// Run one with `npx vitest run --project unit`. The app's own Vite config is web/vite.config.ts.
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [vue()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'web/src/**/*.test.ts'],
          setupFiles: ['tests/unit/engineSetup.ts'],
          // A hang guard, not a speed check: CI shares 2 cores, and the 5 s default failed a
          // 3,000-link fuzz test under load. Speed is measured by `npm run bench`.
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'components',
          environment: 'happy-dom',
          include: ['tests/components/**/*.test.ts'],
          setupFiles: ['tests/unit/engineSetup.ts', 'tests/components/setup.ts'],
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll's own default is 1 s: right after a page opens, a lesson renders once its
          // engine has loaded, which took longer than that under CI's load (open-anywhere,
          // empty-charts). A hang guard like testTimeout, not a speed check.
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
})
