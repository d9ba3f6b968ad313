// Why the owner could not be confirmed. Each carries a message written for the person at the device.

export type OwnerRefusal =
  /** The person closed the browser's passkey prompt, or it timed out. */
  | 'cancelled'
  /** The assertion did not come from the owner's passkey (another credential, a bad signature). */
  | 'wrong-credential'
  /** The authenticator did not verify the user (no PIN, fingerprint or face unlock). */
  | 'not-verified'
  | 'wrong-passphrase'
  /** The owner's passkey cannot be used in this browser (WebAuthn is missing). */
  | 'unavailable';

const MESSAGES: Record<OwnerRefusal, string> = {
  cancelled: 'The passkey prompt was closed before the owner was confirmed. Nothing was changed.',
  'wrong-credential': 'That passkey is not the owner’s passkey for this device. Nothing was changed.',
  'not-verified':
    'The passkey was used without unlocking it (fingerprint, face or device PIN), which the owner’s confirmation requires. Nothing was changed.',
  'wrong-passphrase': 'That is not the owner passphrase. Nothing was changed.',
  unavailable:
    'The owner’s passkey cannot be used in this browser. Open Faceprint in the browser where the passkey was created.',
};

export class OwnerRefusedError extends Error {
  override readonly name = 'OwnerRefusedError';
  constructor(
    readonly reason: OwnerRefusal,
    cause?: unknown,
  ) {
    super(MESSAGES[reason], { cause });
  }
}
