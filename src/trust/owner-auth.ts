// The device owner: set up at the first enrollment (a passkey where a platform authenticator exists,
// a passphrase otherwise), confirmed afresh before every action that changes who is enrolled, copies
// templates out, or changes how strict verification is. Verification itself needs no owner.
import type { DeviceStore, OwnerRecord } from '../storage';
import { OwnerRefusedError } from './errors';
import { createPassphraseOwner, passphraseMatches } from './passphrase';
import { assertOwnerPasskey, createOwnerPasskey, platformAuthenticatorAvailable, type RelyingParty } from './webauthn';

/** What an owner confirmation is asked for. */
export type OwnerAction =
  | 'enroll'
  | 'delete'
  | 'export'
  | 'import'
  | 'threshold'
  | 'liveness'
  | 'clear-lock'
  | 'attempt-log'
  | 'replace-credential'
  | 'reset-owner';

export type OwnerState =
  { kind: 'none' } | { kind: 'passkey'; createdAt: number } | { kind: 'passphrase'; createdAt: number };

export class OwnerExistsError extends Error {
  override readonly name = 'OwnerExistsError';
  constructor() {
    super('This device already has an owner (set up in another tab a moment ago). Confirm as that owner instead.');
  }
}

export class OwnerAuth {
  constructor(
    private readonly device: DeviceStore,
    /** The relying party, or null where the browser has no WebAuthn. */
    private readonly relyingParty: () => RelyingParty | null,
    private readonly now: () => number = Date.now,
  ) {}

  async state(): Promise<OwnerState> {
    const owner = await this.device.loadOwner();
    return owner ? { kind: owner.kind, createdAt: owner.createdAt } : { kind: 'none' };
  }

  /** Whether a passkey can be created and used here. */
  async passkeysAvailable(): Promise<boolean> {
    return this.relyingParty() !== null && (await platformAuthenticatorAvailable());
  }

  private requireRelyingParty(): RelyingParty {
    const rp = this.relyingParty();
    if (!rp) throw new OwnerRefusedError('unavailable');
    return rp;
  }

  private async create(owner: OwnerRecord): Promise<void> {
    if (!(await this.device.createOwner(owner))) throw new OwnerExistsError();
  }

  /** Creates the owner's passkey; the user verification it took confirms the owner. */
  async setUpPasskey(): Promise<void> {
    await this.create(await createOwnerPasskey(this.requireRelyingParty(), this.now()));
  }

  async setUpPassphrase(passphrase: string): Promise<void> {
    await this.create(await createPassphraseOwner(passphrase, this.now()));
  }

  /** A fresh user-verified assertion by the owner's passkey; throws OwnerRefusedError otherwise. */
  async confirmWithPasskey(): Promise<void> {
    const owner = await this.device.loadOwner();
    if (owner?.kind !== 'passkey') throw new OwnerRefusedError('wrong-credential');
    const signCount = await assertOwnerPasskey(owner, this.requireRelyingParty());
    if (signCount !== owner.signCount) await this.device.saveOwner({ ...owner, signCount });
  }

  async confirmWithPassphrase(passphrase: string): Promise<void> {
    const owner = await this.device.loadOwner();
    if (owner?.kind !== 'passphrase' || !(await passphraseMatches(owner, passphrase)))
      throw new OwnerRefusedError('wrong-passphrase');
  }

  /** Replaces the owner's credential with a new passkey. Call after a confirmation by the current one. */
  async replaceWithPasskey(): Promise<void> {
    await this.device.saveOwner(await createOwnerPasskey(this.requireRelyingParty(), this.now()));
  }

  /** Replaces the owner's credential with a new passphrase. Call after a confirmation by the current one. */
  async replaceWithPassphrase(passphrase: string): Promise<void> {
    await this.device.saveOwner(await createPassphraseOwner(passphrase, this.now()));
  }

  /** Forgets the owner and every template. Call after a confirmation and a clear warning. */
  async reset(): Promise<void> {
    await this.device.resetOwner();
  }
}
