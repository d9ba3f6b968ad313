// What this device keeps for offline use, read from the browser rather than assumed: the service
// worker of the production build precaches the app and every model file (vite.config.ts); the dev
// server (npm start) installs no service worker, so there the models come over the network each time
// (the browser's ordinary HTTP cache may hold a copy, which Faceprint cannot see or rely on).
import { NETWORKS } from '../engine/networks/registry';

export type OfflineState =
  /** Every model file is in the offline cache. */
  | 'ready'
  /** A production build whose service worker has not finished caching yet. */
  | 'caching'
  /** The dev server: no service worker, by design. */
  | 'dev-server'
  /** The browser has no service workers (or they are switched off). */
  | 'unsupported';

export interface OfflineStatus {
  state: OfflineState;
  /** Size of the model files the app ships. */
  modelBytes: number;
  /** Size of the model files found in the offline cache. */
  cachedModelBytes: number;
}

/** Every model file the build ships, by name, from the network descriptors the loader verifies against. */
const MODEL_FILES: Record<string, { bytes: number }> = Object.fromEntries(
  NETWORKS.flatMap((net) => [net.files.manifest, ...net.files.shards]).map((file) => [
    file.name,
    { bytes: file.bytes },
  ]),
);

/** Size of every model file the build precaches. */
export const SHIPPED_MODEL_BYTES = Object.values(MODEL_FILES).reduce((sum, file) => sum + file.bytes, 0);

export async function readOfflineStatus(): Promise<OfflineStatus> {
  const cached = await cachedModelFiles();
  const cachedModelBytes = [...cached.values()].reduce((sum, bytes) => sum + bytes, 0);
  const complete = Object.keys(MODEL_FILES).every((name) => cached.has(name));
  const state: OfflineState = complete
    ? 'ready'
    : import.meta.env.DEV
      ? 'dev-server'
      : 'serviceWorker' in navigator
        ? 'caching'
        : 'unsupported';
  return { state, modelBytes: SHIPPED_MODEL_BYTES, cachedModelBytes };
}

/** Model files in this origin's Cache Storage, by file name, with their sizes. */
async function cachedModelFiles(): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (typeof caches === 'undefined') return found;
  for (const cacheName of await caches.keys()) {
    const cache = await caches.open(cacheName);
    for (const request of await cache.keys()) {
      const name = new URL(request.url).pathname.split('/').pop() ?? '';
      if (!(name in MODEL_FILES) || found.has(name)) continue;
      const response = await cache.match(request);
      if (!response) continue;
      const length = Number(response.headers.get('content-length'));
      found.set(name, length > 0 ? length : (await response.blob()).size);
    }
  }
  return found;
}
