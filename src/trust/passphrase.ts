// The owner passphrase, where no platform authenticator exists: PBKDF2-SHA256 with a random salt and
// OWASP's 600,000 iterations; only the derived value is stored, and it is compared in constant time.
import type { PassphraseOwner } from '../storage';
import { bytesOf, constantTimeEqual } from './bytes';

export const OWNER_KDF_ITERATIONS = 600_000;
export const MIN_OWNER_PASSPHRASE_LENGTH = 8;

async function derive(passphrase: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: bytesOf(salt), iterations },
    material,
    256,
  );
  return new Uint8Array(bits);
}

export async function createPassphraseOwner(passphrase: string, now: number): Promise<PassphraseOwner> {
  if (passphrase.length < MIN_OWNER_PASSPHRASE_LENGTH) {
    throw new RangeError(`The owner passphrase needs at least ${MIN_OWNER_PASSPHRASE_LENGTH} characters.`);
  }
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return {
    kind: 'passphrase',
    salt,
    iterations: OWNER_KDF_ITERATIONS,
    check: await derive(passphrase, salt, OWNER_KDF_ITERATIONS),
    createdAt: now,
  };
}

export async function passphraseMatches(owner: PassphraseOwner, passphrase: string): Promise<boolean> {
  // A stored record asking for fewer iterations than the floor was not written by this app.
  const iterations = Math.max(owner.iterations, OWNER_KDF_ITERATIONS);
  return constantTimeEqual(await derive(passphrase, owner.salt, iterations), owner.check);
}
