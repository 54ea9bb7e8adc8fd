/**
 * Discord's signature on every interaction it POSTs (interactions/overview, "Security and
 * Authorization"): Ed25519 over the `X-Signature-Timestamp` header followed by the raw body, with
 * the application's public key. Checked with `node:crypto`, before the body is parsed.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** Checks one request's signature; never throws, whatever the headers hold. */
export type SignatureCheck = (signatureHex: string | undefined, timestamp: string | undefined, body: Uint8Array) => boolean;

const HEX = /^[0-9a-fA-F]+$/u;
/** An Ed25519 public key: 32 bytes. */
const PUBLIC_KEY_BYTES = 32;
/** An Ed25519 signature: 64 bytes. */
const SIGNATURE_BYTES = 64;

/** The public key of the developer portal (64 hex digits) as a key `node:crypto` verifies with. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (hex.length !== PUBLIC_KEY_BYTES * 2 || !HEX.test(hex)) throw new Error('recoupe: DISCORD_PUBLIC_KEY must be the 64 hex digits of the application\'s public key');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
}

/** The check of every request against the application's public key (hex). */
export function signatureCheck(publicKeyHex: string): SignatureCheck {
  const key = publicKeyFromHex(publicKeyHex);
  return (signatureHex, timestamp, body) => {
    if (signatureHex === undefined || timestamp === undefined || timestamp.length === 0) return false;
    if (signatureHex.length !== SIGNATURE_BYTES * 2 || !HEX.test(signatureHex)) return false;
    const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
    try {
      return verify(null, signed, key, Buffer.from(signatureHex, 'hex'));
    } catch {
      return false;
    }
  };
}
