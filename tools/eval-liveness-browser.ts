// The FaceTracker's frame rate in Chromium (WebGPU on SwiftShader, as on a machine without a GPU):
// builds the page in tools/eval-liveness-browser/, serves it, opens it in Debian's Chromium and writes
// results/liveness-tracker-chromium.json.
//
//   npm run build:tools && node dist-node/eval-liveness-browser.js [--port 4323]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM, WEBGPU_FLAGS } from '../e2e/helpers/camera';
import { COUNT, numberOption, readOptions, runTool } from './cli';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `The FaceTracker's frame rate in Chromium (see tools/README.md)
  eval-liveness-browser [--port 4323]`;

async function main(): Promise<void> {
  const port = numberOption(
    readOptions(process.argv.slice(2), { port: { type: 'string' } }, USAGE).port,
    'port',
    COUNT,
    4323,
  );
  const outDir = resolve(ROOT, '.cache/liveness-browser-dist');
  const config = {
    root: resolve(ROOT, 'tools/eval-liveness-browser'),
    publicDir: resolve(ROOT, 'public'),
    configFile: false as const,
    logLevel: 'warn' as const,
    build: { outDir, emptyOutDir: true, target: 'es2022' },
    preview: { port, strictPort: true },
  };
  await build(config);
  const server = await preview(config);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: WEBGPU_FLAGS });
  try {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/`);
    await page.waitForFunction(
      () => window.trackerBench?.result !== undefined || window.trackerBench?.error !== undefined,
      undefined,
      {
        timeout: 15 * 60_000,
        polling: 1000,
      },
    );
    const outcome = await page.evaluate(() => window.trackerBench!);
    if (outcome.error) throw new Error(`the page failed: ${outcome.error}`);
    const report = {
      date: new Date().toISOString(),
      browser: `Chromium ${browser.version()}`,
      // This machine's CPUs are shared: the 1-minute load average says how busy they were.
      machine: { cpus: cpus().length, loadAverage1m: Math.round(loadavg()[0]! * 10) / 10 },
      ...(outcome.result as object),
    };
    mkdirSync(resolve(ROOT, 'results'), { recursive: true });
    writeFileSync(resolve(ROOT, 'results/liveness-tracker-chromium.json'), JSON.stringify(report, null, 2) + '\n');
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

runTool(main);
