import { defineConfig } from 'vitest/config';

// Benchmarks run under vitest only because it loads WGSL (`?raw`) and TypeScript as the app does;
// they are not tests (npm test never runs them). One file at a time, no timeouts that cut a slow
// software adapter short.
export default defineConfig({
  test: {
    include: ['bench/**/*.bench-run.ts'],
    setupFiles: ['tests/setup-webgpu.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 3_600_000,
    hookTimeout: 3_600_000,
  },
});
