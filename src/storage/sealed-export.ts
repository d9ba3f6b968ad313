// Sealed export files: the enrollment document (export-format.ts) encrypted with a passphrase the
// owner chooses. AES-GCM 256 with a key from PBKDF2-SHA256 (OWASP's 600,000 iterations, a random
// 16-byte salt); the format version, the model id and the KDF parameters are authenticated data, so
// changing any of them makes the file undecryptable.
//
// Layout (big-endian). The envelope (magic, version, body length, header check, trailing digest) is
// the same for every version, so that damage is told apart from a future version and from a wrong
// passphrase, each with its own message:
//
//   0  16 B  magic "FACEPRINT-SEALED"
//  16   2 B  version (SEALED_VERSION)
//  18   4 B  body length L
//  22   8 B  first 8 bytes of SHA-256(bytes 0..22): a damaged version or length is caught first
//  30   L B  body: 4 B header length H, H B header (JSON, UTF-8), then AES-GCM ciphertext + 16 B tag
//  30+L 32 B SHA-256(bytes 0..30+L)
//
// The additional authenticated data is bytes 0..34+H: the envelope's start and the whole header.
// The digests are not secret: they catch truncation and accidental or naive changes before any key
// is derived. Only AES-GCM stops a deliberate forgery (one that recomputes the digests); such a file
// is refused as if the passphrase were wrong.
import { ImportError } from './errors';
import type { ExportFile, ModelSpec } from './export-format';

export const SEALED_MAGIC = 'FACEPRINT-SEALED';
export const SEALED_VERSION = 2;
/** OWASP's minimum for PBKDF2-HMAC-SHA256 (2023). Files asking for fewer are refused. */
export const MIN_KDF_ITERATIONS = 600_000;
/** More than this would freeze the page for minutes: such a file is refused as damaged. */
export const MAX_KDF_ITERATIONS = 10_000_000;
export const MIN_PASSPHRASE_LENGTH = 8;
export const SEALED_FILE_EXTENSION = '.faceprint';

const MAGIC_BYTES = new TextEncoder().encode(SEALED_MAGIC);
const ENVELOPE_START = 30;
const DIGEST_LENGTH = 32;
const HEADER_CHECK_LENGTH = 8;

export interface SealedHeader {
  format: 'faceprint-enrollments';
  modelId: string;
  vectorLength: number;
  exportedAt: string;
  people: number;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
}

export interface SealOptions {
  iterations?: number;
}

const subtle = () => globalThis.crypto.subtle;

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Encrypts `file` with `passphrase` into a sealed file's bytes. */
export async function sealExport(file: ExportFile, passphrase: string, options: SealOptions = {}): Promise<Uint8Array> {
  const iterations = options.iterations ?? MIN_KDF_ITERATIONS;
  if (iterations < MIN_KDF_ITERATIONS) throw new RangeError(`PBKDF2 needs at least ${MIN_KDF_ITERATIONS} iterations.`);
  if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    throw new RangeError(`The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header: SealedHeader = {
    format: 'faceprint-enrollments',
    modelId: file.modelId,
    vectorLength: file.vectorLength,
    exportedAt: file.exportedAt,
    people: file.people.length,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const key = await deriveKey(passphrase, salt, iterations);
  const plaintext = new TextEncoder().encode(JSON.stringify(file));
  const bodyLength = 4 + headerBytes.length + plaintext.length + 16;
  const bytes = new Uint8Array(ENVELOPE_START + bodyLength + DIGEST_LENGTH);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC_BYTES, 0);
  view.setUint16(16, SEALED_VERSION);
  view.setUint32(18, bodyLength);
  bytes.set((await sha256(bytes.subarray(0, 22))).subarray(0, HEADER_CHECK_LENGTH), 22);
  view.setUint32(ENVELOPE_START, headerBytes.length);
  bytes.set(headerBytes, ENVELOPE_START + 4);
  const aadEnd = ENVELOPE_START + 4 + headerBytes.length;
  const ciphertext = new Uint8Array(
    await subtle().encrypt(
      { name: 'AES-GCM', iv, additionalData: bytes.slice(0, aadEnd), tagLength: 128 },
      key,
      plaintext,
    ),
  );
  bytes.set(ciphertext, aadEnd);
  bytes.set(await sha256(bytes.subarray(0, ENVELOPE_START + bodyLength)), ENVELOPE_START + bodyLength);
  return bytes;
}

/** Whether `bytes` start like a sealed file of any version (a file cut inside the magic included). */
export function isSealed(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, MAGIC_BYTES.length);
  return length > 0 && equalBytes(bytes.subarray(0, length), MAGIC_BYTES.subarray(0, length));
}

const damaged = () =>
  new ImportError(
    'tampered',
    'This export file has been changed or damaged since it was made (its checksum does not match), so it cannot be trusted.',
  );
const truncated = () =>
  new ImportError(
    'truncated',
    'This export file is incomplete: it ends early, as if the download or copy stopped part-way. Export it again.',
  );

/**
 * Checks the envelope and the header of a sealed file without the passphrase: the damage, truncation,
 * version and model problems a person can be told about before typing anything.
 */
export async function readSealedHeader(bytes: Uint8Array, expected: ModelSpec): Promise<SealedHeader> {
  if (!isSealed(bytes)) throw new ImportError('wrong-format', 'This file is not a sealed Faceprint export.');
  if (bytes.length < ENVELOPE_START) throw truncated();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (
    !equalBytes(
      (await sha256(bytes.subarray(0, 22))).subarray(0, HEADER_CHECK_LENGTH),
      bytes.subarray(22, ENVELOPE_START),
    )
  ) {
    throw damaged();
  }
  const version = view.getUint16(16);
  const bodyLength = view.getUint32(18);
  const total = ENVELOPE_START + bodyLength + DIGEST_LENGTH;
  if (bytes.length < total) throw truncated();
  if (bytes.length > total) throw damaged();
  if (
    !equalBytes(
      await sha256(bytes.subarray(0, ENVELOPE_START + bodyLength)),
      bytes.subarray(ENVELOPE_START + bodyLength),
    )
  ) {
    throw damaged();
  }
  if (version !== SEALED_VERSION) {
    throw new ImportError(
      'unsupported-version',
      `This export has format version ${version}; this app reads sealed version ${SEALED_VERSION} and plain version 1. ` +
        (version > SEALED_VERSION ? 'It was made by a newer Faceprint: update this one and try again.' : ''),
    );
  }
  const header = parseHeader(bytes, bodyLength);
  if (header.modelId !== expected.modelId) {
    throw new ImportError(
      'wrong-model',
      `This export was made with face model "${header.modelId}", but this app uses "${expected.modelId}". ` +
        'Faces from different models cannot be compared.',
    );
  }
  if (header.vectorLength !== expected.vectorLength) {
    throw new ImportError(
      'wrong-vector-length',
      `This export holds vectors of length ${header.vectorLength}, but this app's model makes vectors of length ${expected.vectorLength}.`,
    );
  }
  return header;
}

function parseHeader(bytes: Uint8Array, bodyLength: number): SealedHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = bodyLength >= 4 ? view.getUint32(ENVELOPE_START) : Infinity;
  // The checksum matched, so a bad header was written that way: not by this app.
  const unreadable = () => new ImportError('invalid-data', 'This export file’s header is not one Faceprint writes.');
  if (headerLength > bodyLength - 4 - 16) throw unreadable();
  let header: SealedHeader;
  try {
    header = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(
        bytes.subarray(ENVELOPE_START + 4, ENVELOPE_START + 4 + headerLength),
      ),
    );
  } catch {
    throw unreadable();
  }
  const { kdf, cipher } = header ?? {};
  const ok =
    header?.format === 'faceprint-enrollments' &&
    typeof header.modelId === 'string' &&
    typeof header.vectorLength === 'number' &&
    kdf?.name === 'PBKDF2' &&
    kdf.hash === 'SHA-256' &&
    Number.isInteger(kdf.iterations) &&
    kdf.iterations >= MIN_KDF_ITERATIONS &&
    kdf.iterations <= MAX_KDF_ITERATIONS &&
    typeof kdf.salt === 'string' &&
    cipher?.name === 'AES-GCM' &&
    typeof cipher.iv === 'string';
  if (!ok) throw unreadable();
  return header;
}

/**
 * Decrypts a sealed file after checking it (readSealedHeader) and returns the enrollment document's
 * text, for EnrollmentStore.importAll to check and merge. Changes nothing anywhere.
 */
export async function openSealedExport(bytes: Uint8Array, passphrase: string, expected: ModelSpec): Promise<string> {
  const header = await readSealedHeader(bytes, expected);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bodyLength = view.getUint32(18);
  const aadEnd = ENVELOPE_START + 4 + view.getUint32(ENVELOPE_START);
  let salt: Uint8Array;
  let iv: Uint8Array;
  try {
    salt = fromBase64(header.kdf.salt);
    iv = fromBase64(header.cipher.iv);
  } catch {
    throw new ImportError('invalid-data', 'This export file’s header is not one Faceprint writes.');
  }
  const key = await deriveKey(passphrase, salt, header.kdf.iterations);
  let plaintext: ArrayBuffer;
  try {
    plaintext = await subtle().decrypt(
      { name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer>, additionalData: bytes.slice(0, aadEnd), tagLength: 128 },
      key,
      bytes.slice(aadEnd, ENVELOPE_START + bodyLength),
    );
  } catch {
    throw new ImportError(
      'wrong-passphrase',
      'The passphrase is not the one this file was sealed with. Check it and try again.',
    );
  }
  return new TextDecoder().decode(plaintext);
}
