// Owner authentication, attempt limits and tab synchronisation. No UI and no engine here: the app's
// components call these and word the outcome.
export { AttemptGuard, type AttemptDecision } from './attempt-guard';
export { OwnerRefusedError, type OwnerRefusal } from './errors';
export { OwnerAuth, OwnerExistsError, type OwnerAction, type OwnerState } from './owner-auth';
export { MIN_OWNER_PASSPHRASE_LENGTH, OWNER_KDF_ITERATIONS } from './passphrase';
export { requestPersistenceOnce } from './persistence';
export { TabSync, type TabMessage } from './tab-sync';
export { platformAuthenticatorAvailable, type RelyingParty } from './webauthn';
