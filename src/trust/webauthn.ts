// The owner's passkey: a WebAuthn credential on a platform authenticator, created with user
// verification required, and checked here, on the device, at every gated action. There is no server,
// so this code plays the relying party: it checks the challenge, the origin, the RP id hash, the user
// presence and verification flags, the credential id and the signature against the public key kept
// when the passkey was created.
//
// What this does not stop: anyone who can run script in this origin (devtools, a malicious
// extension) can read IndexedDB directly or skip the check. The gate holds the line for a person
// using the app's own screens, which is what a shared verifying device faces.
import type { PasskeyOwner } from '../storage';
import { base64url, bytesOf, concat, constantTimeEqual, derToRawSignature } from './bytes';
import { OwnerRefusedError } from './errors';

const ES256 = -7;
const RS256 = -257;
const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const TIMEOUT_MS = 120_000;

export interface RelyingParty {
  credentials: CredentialsContainer;
  /** The page's origin, as clientDataJSON must name it. */
  origin: string;
  /** The WebAuthn RP id: this site's host name. */
  rpId: string;
}

/** What an assertion carries that the check needs. */
export interface AssertionParts {
  credentialId: Uint8Array;
  clientDataJSON: Uint8Array;
  authenticatorData: Uint8Array;
  signature: Uint8Array;
}

/** Whether this browser has WebAuthn and a platform authenticator that verifies the user. */
export async function platformAuthenticatorAvailable(): Promise<boolean> {
  const api = globalThis.PublicKeyCredential;
  if (typeof api === 'undefined' || typeof api.isUserVerifyingPlatformAuthenticatorAvailable !== 'function')
    return false;
  try {
    return await api.isUserVerifyingPlatformAuthenticatorAvailable();
  } catch {
    return false;
  }
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytesOf(bytes)));
}

function refusalOf(error: unknown): OwnerRefusedError {
  const name = (error as { name?: unknown } | null)?.name;
  // NotAllowedError covers a closed prompt, a timeout and "no such credential here".
  if (name === 'NotAllowedError' || name === 'AbortError') return new OwnerRefusedError('cancelled', error);
  if (name === 'NotSupportedError' || name === 'SecurityError') return new OwnerRefusedError('unavailable', error);
  return new OwnerRefusedError('wrong-credential', error);
}

interface ClientData {
  type?: unknown;
  challenge?: unknown;
  origin?: unknown;
}

/** Checks clientDataJSON and the authenticator data's RP id hash and flags. Returns the sign count. */
async function checkCeremony(
  clientDataJSON: Uint8Array,
  authenticatorData: Uint8Array,
  type: 'webauthn.create' | 'webauthn.get',
  challenge: Uint8Array,
  rp: Pick<RelyingParty, 'origin' | 'rpId'>,
): Promise<number> {
  let clientData: ClientData;
  try {
    clientData = JSON.parse(new TextDecoder().decode(clientDataJSON)) as ClientData;
  } catch {
    throw new OwnerRefusedError('wrong-credential');
  }
  if (clientData.type !== type || clientData.challenge !== base64url(challenge) || clientData.origin !== rp.origin) {
    throw new OwnerRefusedError('wrong-credential');
  }
  if (authenticatorData.length < 37) throw new OwnerRefusedError('wrong-credential');
  const rpIdHash = await sha256(new TextEncoder().encode(rp.rpId));
  if (!constantTimeEqual(authenticatorData.subarray(0, 32), rpIdHash)) throw new OwnerRefusedError('wrong-credential');
  const flags = authenticatorData[32]!;
  if (!(flags & FLAG_USER_PRESENT) || !(flags & FLAG_USER_VERIFIED)) throw new OwnerRefusedError('not-verified');
  return new DataView(authenticatorData.buffer, authenticatorData.byteOffset).getUint32(33);
}

/** Creates the owner's passkey. The creation itself verified the user, so it counts as a confirmation. */
export async function createOwnerPasskey(rp: RelyingParty, now: number): Promise<PasskeyOwner> {
  const challenge = crypto.getRandomValues(new Uint8Array(32));
  const userId = crypto.getRandomValues(new Uint8Array(16));
  let credential: Credential | null;
  try {
    credential = await rp.credentials.create({
      publicKey: {
        rp: { id: rp.rpId, name: 'Faceprint' },
        user: { id: userId, name: 'Faceprint owner', displayName: 'Faceprint owner' },
        challenge,
        pubKeyCredParams: [
          { type: 'public-key', alg: ES256 },
          { type: 'public-key', alg: RS256 },
        ],
        authenticatorSelection: {
          authenticatorAttachment: 'platform',
          userVerification: 'required',
          residentKey: 'preferred',
        },
        attestation: 'none',
        timeout: TIMEOUT_MS,
      },
    });
  } catch (error) {
    throw refusalOf(error);
  }
  if (!(credential instanceof PublicKeyCredential)) throw new OwnerRefusedError('unavailable');
  const response = credential.response as AuthenticatorAttestationResponse;
  const publicKey = response.getPublicKey();
  const algorithm = response.getPublicKeyAlgorithm();
  if (!publicKey || (algorithm !== ES256 && algorithm !== RS256)) throw new OwnerRefusedError('unavailable');
  const signCount = await checkCeremony(
    bytesOf(response.clientDataJSON),
    bytesOf(response.getAuthenticatorData()),
    'webauthn.create',
    challenge,
    rp,
  );
  return {
    kind: 'passkey',
    credentialId: bytesOf(credential.rawId),
    publicKey: bytesOf(publicKey),
    algorithm,
    signCount,
    userId,
    createdAt: now,
  };
}

/**
 * Checks an assertion against the owner's passkey for `challenge`. Returns the new signature counter.
 * A counter that does not increase (when the authenticator keeps one) means a cloned credential.
 */
export async function verifyAssertion(
  owner: PasskeyOwner,
  assertion: AssertionParts,
  challenge: Uint8Array,
  rp: Pick<RelyingParty, 'origin' | 'rpId'>,
): Promise<number> {
  if (!constantTimeEqual(assertion.credentialId, owner.credentialId)) throw new OwnerRefusedError('wrong-credential');
  const signCount = await checkCeremony(
    assertion.clientDataJSON,
    assertion.authenticatorData,
    'webauthn.get',
    challenge,
    rp,
  );
  if ((signCount !== 0 || owner.signCount !== 0) && signCount <= owner.signCount)
    throw new OwnerRefusedError('wrong-credential');
  const signed = concat(assertion.authenticatorData, await sha256(assertion.clientDataJSON));
  let valid = false;
  try {
    if (owner.algorithm === ES256) {
      const key = await crypto.subtle.importKey(
        'spki',
        bytesOf(owner.publicKey),
        { name: 'ECDSA', namedCurve: 'P-256' },
        false,
        ['verify'],
      );
      valid = await crypto.subtle.verify(
        { name: 'ECDSA', hash: 'SHA-256' },
        key,
        bytesOf(derToRawSignature(assertion.signature)),
        bytesOf(signed),
      );
    } else if (owner.algorithm === RS256) {
      const key = await crypto.subtle.importKey(
        'spki',
        bytesOf(owner.publicKey),
        { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
        false,
        ['verify'],
      );
      valid = await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, bytesOf(assertion.signature), bytesOf(signed));
    }
  } catch {
    valid = false;
  }
  if (!valid) throw new OwnerRefusedError('wrong-credential');
  return signCount;
}

/** Asks the platform authenticator for a fresh, user-verified assertion by the owner's passkey. */
export async function assertOwnerPasskey(owner: PasskeyOwner, rp: RelyingParty): Promise<number> {
  const challenge = crypto.getRandomValues(new Uint8Array(32));
  let credential: Credential | null;
  try {
    credential = await rp.credentials.get({
      publicKey: {
        challenge,
        rpId: rp.rpId,
        allowCredentials: [{ type: 'public-key', id: bytesOf(owner.credentialId), transports: ['internal'] }],
        userVerification: 'required',
        timeout: TIMEOUT_MS,
      },
    });
  } catch (error) {
    throw refusalOf(error);
  }
  if (!(credential instanceof PublicKeyCredential)) throw new OwnerRefusedError('cancelled');
  const response = credential.response as AuthenticatorAssertionResponse;
  return verifyAssertion(
    owner,
    {
      credentialId: bytesOf(credential.rawId),
      clientDataJSON: bytesOf(response.clientDataJSON),
      authenticatorData: bytesOf(response.authenticatorData),
      signature: bytesOf(response.signature),
    },
    challenge,
    rp,
  );
}
