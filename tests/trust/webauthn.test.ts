// The on-device relying-party check of owner assertions, against a software authenticator built from
// WebCrypto keys (the e2e tests use Chromium's virtual authenticator for the real ceremonies).
import { describe, expect, it } from 'vitest';
import type { PasskeyOwner } from '../../src/storage';
import { base64url, concat, derToRawSignature } from '../../src/trust/bytes';
import { OwnerRefusedError } from '../../src/trust/errors';
import { verifyAssertion, type AssertionParts } from '../../src/trust/webauthn';

const RP = { origin: 'http://localhost:4324', rpId: 'localhost' };
const encode = (text: string) => new TextEncoder().encode(text);
const sha256 = async (bytes: Uint8Array) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));

/** Raw r||s to DER, as authenticators write ECDSA signatures. */
function rawToDer(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const trimmed = bytes.subarray(start);
    const body = trimmed[0]! & 0x80 ? concat(new Uint8Array([0]), trimmed) : trimmed;
    return concat(new Uint8Array([0x02, body.length]), body);
  };
  const body = concat(integer(raw.subarray(0, 32)), integer(raw.subarray(32)));
  return concat(new Uint8Array([0x30, body.length]), body);
}

interface Authenticator {
  owner: PasskeyOwner;
  sign(
    options: Partial<{
      challenge: Uint8Array;
      type: string;
      origin: string;
      rpId: string;
      flags: number;
      counter: number;
      credentialId: Uint8Array;
      key: CryptoKey;
    }>,
  ): Promise<AssertionParts>;
}

async function ecAuthenticator(): Promise<Authenticator & { challenge: Uint8Array; otherKey: CryptoKey }> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const other = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const credentialId = crypto.getRandomValues(new Uint8Array(32));
  const challenge = crypto.getRandomValues(new Uint8Array(32));
  const owner: PasskeyOwner = {
    kind: 'passkey',
    credentialId,
    publicKey: new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)),
    algorithm: -7,
    signCount: 0,
    userId: new Uint8Array(16),
    createdAt: 0,
  };
  return {
    owner,
    challenge,
    otherKey: other.privateKey,
    async sign(o) {
      const clientDataJSON = encode(
        JSON.stringify({
          type: o.type ?? 'webauthn.get',
          challenge: base64url(o.challenge ?? challenge),
          origin: o.origin ?? RP.origin,
          crossOrigin: false,
        }),
      );
      const counter = new Uint8Array(4);
      new DataView(counter.buffer).setUint32(0, o.counter ?? 0);
      const authenticatorData = concat(
        await sha256(encode(o.rpId ?? RP.rpId)),
        new Uint8Array([o.flags ?? 0x05]),
        counter,
      );
      const signed = concat(authenticatorData, await sha256(clientDataJSON));
      const raw = new Uint8Array(
        await crypto.subtle.sign(
          { name: 'ECDSA', hash: 'SHA-256' },
          o.key ?? pair.privateKey,
          signed as Uint8Array<ArrayBuffer>,
        ),
      );
      return {
        credentialId: o.credentialId ?? credentialId,
        clientDataJSON,
        authenticatorData,
        signature: rawToDer(raw),
      };
    },
  };
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(OwnerRefusedError);
    return (error as OwnerRefusedError).reason;
  }
}

describe('verifyAssertion (ES256)', () => {
  it('accepts the owner passkey’s user-verified assertion for this challenge, origin and RP id', async () => {
    const auth = await ecAuthenticator();
    expect(await verifyAssertion(auth.owner, await auth.sign({}), auth.challenge, RP)).toBe(0);
    expect(await verifyAssertion(auth.owner, await auth.sign({ counter: 7 }), auth.challenge, RP)).toBe(7);
  });

  it.each<[string, (a: Awaited<ReturnType<typeof ecAuthenticator>>) => Parameters<Authenticator['sign']>[0], string]>([
    ['another credential id', () => ({ credentialId: new Uint8Array(32).fill(9) }), 'wrong-credential'],
    ['a signature by another key (same credential id)', (a) => ({ key: a.otherKey }), 'wrong-credential'],
    ['another challenge (a replayed assertion)', () => ({ challenge: new Uint8Array(32).fill(1) }), 'wrong-credential'],
    ['another origin', () => ({ origin: 'http://evil.localhost:4324' }), 'wrong-credential'],
    ['another RP id', () => ({ rpId: 'example.com' }), 'wrong-credential'],
    ['a registration instead of an assertion', () => ({ type: 'webauthn.create' }), 'wrong-credential'],
    ['no user verification (presence only)', () => ({ flags: 0x01 }), 'not-verified'],
    ['no user presence', () => ({ flags: 0x04 }), 'not-verified'],
  ])('refuses %s', async (_, change, reason) => {
    const auth = await ecAuthenticator();
    expect(await refusal(verifyAssertion(auth.owner, await auth.sign(change(auth)), auth.challenge, RP))).toBe(reason);
  });

  it('refuses a signature counter that does not increase (a cloned authenticator)', async () => {
    const auth = await ecAuthenticator();
    const owner = { ...auth.owner, signCount: 7 };
    expect(await refusal(verifyAssertion(owner, await auth.sign({ counter: 7 }), auth.challenge, RP))).toBe(
      'wrong-credential',
    );
    expect(await refusal(verifyAssertion(owner, await auth.sign({ counter: 0 }), auth.challenge, RP))).toBe(
      'wrong-credential',
    );
    expect(await verifyAssertion(owner, await auth.sign({ counter: 8 }), auth.challenge, RP)).toBe(8);
  });

  it('refuses a flipped byte in the signed data', async () => {
    const auth = await ecAuthenticator();
    const parts = await auth.sign({});
    const data = parts.authenticatorData.slice();
    data[36] ^= 1;
    expect(await refusal(verifyAssertion(auth.owner, { ...parts, authenticatorData: data }, auth.challenge, RP))).toBe(
      'wrong-credential',
    );
  });
});

describe('verifyAssertion (RS256)', () => {
  it('accepts a valid RS256 assertion and refuses one by another key', async () => {
    const params = {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    };
    const pair = await crypto.subtle.generateKey(params, true, ['sign', 'verify']);
    const other = await crypto.subtle.generateKey(params, true, ['sign', 'verify']);
    const challenge = crypto.getRandomValues(new Uint8Array(32));
    const owner: PasskeyOwner = {
      kind: 'passkey',
      credentialId: new Uint8Array([1, 2, 3]),
      publicKey: new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)),
      algorithm: -257,
      signCount: 0,
      userId: new Uint8Array(1),
      createdAt: 0,
    };
    const clientDataJSON = encode(
      JSON.stringify({ type: 'webauthn.get', challenge: base64url(challenge), origin: RP.origin }),
    );
    const authenticatorData = concat(await sha256(encode(RP.rpId)), new Uint8Array([0x05, 0, 0, 0, 0]));
    const signed = concat(authenticatorData, await sha256(clientDataJSON)) as Uint8Array<ArrayBuffer>;
    const sign = async (key: CryptoKey) => new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, signed));
    const parts = { credentialId: owner.credentialId, clientDataJSON, authenticatorData };
    expect(await verifyAssertion(owner, { ...parts, signature: await sign(pair.privateKey) }, challenge, RP)).toBe(0);
    expect(
      await refusal(verifyAssertion(owner, { ...parts, signature: await sign(other.privateKey) }, challenge, RP)),
    ).toBe('wrong-credential');
  });
});

describe('derToRawSignature', () => {
  it('pads short integers and drops sign bytes', () => {
    const raw = new Uint8Array(64);
    raw[31] = 5; // r = 5: one byte in DER
    raw.fill(0xff, 32); // s with its top bit set: a leading 0x00 in DER
    expect(derToRawSignature(rawToDer(raw))).toEqual(raw);
  });

  it('refuses what is not a DER signature', () => {
    expect(() => derToRawSignature(new Uint8Array([0x30, 0x03, 0x02, 0x01]))).toThrow();
    expect(() => derToRawSignature(new Uint8Array(64))).toThrow();
  });
});
