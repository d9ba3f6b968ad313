import { defineConfig } from '@playwright/test';
import { launchOptions } from './e2e/helpers/camera';

// End-to-end tests against the production build (vite build + vite preview), so the service worker,
// the Content-Security-Policy and the offline cache are the ones users get. Chromium is Debian's, with
// WebGPU on SwiftShader and a fake webcam fed from y4m files (see e2e/helpers/camera.ts).
const port = Number(process.env.FP_E2E_PORT ?? 4317);
const baseURL = `http://localhost:${port}`;
// Per port, so that two runs on different ports never serve each other's build.
const outDir = `.cache/e2e-dist-${port}`;

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  // SwiftShader runs WebGPU on the CPU: loading the models and the first frames take minutes.
  timeout: 10 * 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL,
    launchOptions: launchOptions('person-a-enroll'),
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    // npm run build: its prebuild step puts the model files in public/models first.
    command: `npm run build -- --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --port ${port} --strictPort`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
