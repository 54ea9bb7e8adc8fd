import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publicKeyFromHex, signatureCheck } from '../../../src/discord/http/signature.js';

const pair = generateKeyPairSync('ed25519');
const publicHex = Buffer.from(String(pair.publicKey.export({ format: 'jwk' }).x), 'base64url').toString('hex');
const signed = (timestamp: string, body: string) => sign(null, Buffer.from(timestamp + body), pair.privateKey).toString('hex');
const body = '{"type":1}';

describe('GIVEN the application public key', () => {
  const check = signatureCheck(publicHex);

  it('WHEN the signature covers timestamp + body THEN it holds, in either case of hex', () => {
    const signature = signed('1765000000', body);
    expect(check(signature, '1765000000', Buffer.from(body))).toBe(true);
    expect(check(signature.toUpperCase(), '1765000000', Buffer.from(body))).toBe(true);
  });

  /** A request made from the valid signature: signature, timestamp, body. */
  type Tampered = (valid: string) => [string | undefined, string | undefined, string];
  it.each<[string, Tampered]>([
    ['another body', (s) => [s, '1765000000', '{"type":2}']],
    ['another timestamp', (s) => [s, '1765000001', body]],
    ['no signature', () => [undefined, '1765000000', body]],
    ['no timestamp', (s) => [s, undefined, body]],
    ['a signature cut short', (s) => [s.slice(0, 100), '1765000000', body]],
    ['a signature that is not hex', (s) => [`zz${s.slice(2)}`, '1765000000', body]],
    ['the signature of another key', () => [sign(null, Buffer.from(`1765000000${body}`), generateKeyPairSync('ed25519').privateKey).toString('hex'), '1765000000', body]],
  ])('WHEN a request comes with %s THEN it fails without throwing', (_what, make) => {
    const [signature, timestamp, text] = make(signed('1765000000', body));
    expect(check(signature, timestamp, Buffer.from(text))).toBe(false);
  });
});

describe('GIVEN a public key that is not one', () => {
  it.each(['', 'abc', 'g'.repeat(64), 'a'.repeat(63)])('WHEN it is %j THEN the error names the variable', (hex) => {
    expect(() => publicKeyFromHex(hex)).toThrow(/DISCORD_PUBLIC_KEY must be the 64 hex digits/u);
  });
});
