import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

// The browser soak (npm run soak:browser, not part of npm test): the e2e set-up (production build, fake
// camera, SwiftShader), with its own spec folder, port and a limit long enough for 1,000 frames.
const port = Number(process.env.FP_SOAK_PORT ?? 4391);
const outDir = `.cache/e2e-dist-${port}`;

export default defineConfig({
  ...base,
  testDir: 'soak-browser',
  globalSetup: '../e2e/global-setup.ts',
  timeout: 120 * 60_000,
  use: { ...base.use, baseURL: `http://localhost:${port}` },
  webServer: {
    ...base.webServer,
    command: `npm run build -- --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    cwd: '..',
  },
});
