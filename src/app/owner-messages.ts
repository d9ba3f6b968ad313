// Owner-confirmation failures in words for the person at the device.
import { describeStorageError } from './messages';

export function describeOwnerError(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'OwnerRefusedError' || name === 'OwnerExistsError') return (error as Error).message;
  return describeStorageError(error).message;
}
