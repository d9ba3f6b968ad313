// Byte helpers for WebAuthn and key derivation.

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Compares in time that depends only on the length, not on where the first difference is. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

/** The bytes of a buffer or view, as a Uint8Array backed by a plain ArrayBuffer. */
export function bytesOf(source: ArrayBufferView | ArrayBuffer): Uint8Array<ArrayBuffer> {
  const view = ArrayBuffer.isView(source)
    ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength)
    : new Uint8Array(source);
  return Uint8Array.from(view);
}

/**
 * An ECDSA signature as authenticators write it (ASN.1 DER: SEQUENCE of two INTEGERs) converted to
 * the fixed-width r||s WebCrypto verifies. Throws on anything that is not such a sequence.
 */
export function derToRawSignature(der: Uint8Array, size = 32): Uint8Array {
  let offset = 0;
  const expect = (ok: boolean) => {
    if (!ok) throw new Error('not a DER ECDSA signature');
  };
  const readLength = () => {
    let length = der[offset++]!;
    if (length & 0x80) {
      const count = length & 0x7f;
      expect(count >= 1 && count <= 2);
      length = 0;
      for (let i = 0; i < count; i++) length = (length << 8) | der[offset++]!;
    }
    return length;
  };
  expect(der[offset++] === 0x30);
  expect(readLength() === der.length - offset);
  const raw = new Uint8Array(size * 2);
  for (let part = 0; part < 2; part++) {
    expect(der[offset++] === 0x02);
    let length = readLength();
    expect(length > 0 && offset + length <= der.length);
    // Drop the sign padding; a value wider than `size` bytes is malformed.
    while (length > size && der[offset] === 0) {
      offset++;
      length--;
    }
    expect(length <= size);
    raw.set(der.subarray(offset, offset + length), part * size + size - length);
    offset += length;
  }
  expect(offset === der.length);
  return raw;
}
