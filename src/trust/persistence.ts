// Persistent storage: without it the browser may evict IndexedDB under storage pressure, and with it
// every enrollment. Asked once, after the first enrollment; the answer is kept for Settings to show.
import type { DeviceStore, PersistenceRecord } from '../storage';

export async function requestPersistenceOnce(
  device: DeviceStore,
  storage: Pick<StorageManager, 'persist'> | undefined,
  now: number,
): Promise<PersistenceRecord | null> {
  const known = await device.loadPersistence();
  if (known || typeof storage?.persist !== 'function') return known;
  const record = { requestedAt: now, granted: await storage.persist() };
  await device.savePersistence(record);
  return record;
}
