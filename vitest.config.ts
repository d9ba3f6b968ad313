import { defineConfig } from 'vitest/config';

// Unit tests run real WGSL on Dawn (the `webgpu` package) over a CPU Vulkan driver; see
// scripts/with-vulkan.sh. Playwright's e2e/ specs are not vitest tests.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup-webgpu.ts'],
    pool: 'forks',
    // Software Vulkan compiles pipelines slowly; whole networks take seconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
