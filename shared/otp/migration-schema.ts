/**
 * Google Authenticator's export format (`otpauth-migration://offline?data=<base64 protobuf>`),
 * declared with protobufjs's reflection API (no generated code). Field numbers and enum values
 * follow the MigrationPayload message that Google Authenticator writes, as documented by the
 * apps that import it (Aegis, GNOME Authenticator, extract_otp_secrets).
 *
 * protobufjs builds its decoder with `new Function` on first use, so this module needs a
 * context that allows eval: Node, Electron's main process, or a page without a strict CSP.
 */
import protobuf from 'protobufjs/light.js';

export const ALGORITHM = { UNSPECIFIED: 0, SHA1: 1, SHA256: 2, SHA512: 3, MD5: 4 } as const;
export const DIGIT_COUNT = { UNSPECIFIED: 0, SIX: 1, EIGHT: 2 } as const;
export const OTP_TYPE = { UNSPECIFIED: 0, HOTP: 1, TOTP: 2 } as const;

/**
 * One account as the protobuf message holds it. `counter` is int64, so a decimal string; it is
 * always present when decoded and left out when encoding a TOTP account (as Google does).
 */
export interface WireOtpParameters {
  secret: Uint8Array;
  name: string;
  issuer: string;
  algorithm: number;
  digits: number;
  type: number;
  counter?: string;
}

/** One export QR's payload. */
export interface WireMigrationPayload {
  otpParameters: WireOtpParameters[];
  version: number;
  batchSize: number;
  batchIndex: number;
  batchId: number;
}

const root = protobuf.Root.fromJSON({
  nested: {
    MigrationPayload: {
      fields: {
        otpParameters: { rule: 'repeated', type: 'OtpParameters', id: 1 },
        version: { type: 'int32', id: 2 },
        batchSize: { type: 'int32', id: 3 },
        batchIndex: { type: 'int32', id: 4 },
        batchId: { type: 'int32', id: 5 },
      },
      nested: {
        Algorithm: { values: prefixed('ALGORITHM', ALGORITHM) },
        DigitCount: { values: prefixed('DIGIT_COUNT', DIGIT_COUNT) },
        OtpType: { values: prefixed('OTP_TYPE', OTP_TYPE) },
        OtpParameters: {
          fields: {
            secret: { type: 'bytes', id: 1 },
            name: { type: 'string', id: 2 },
            issuer: { type: 'string', id: 3 },
            algorithm: { type: 'Algorithm', id: 4 },
            digits: { type: 'DigitCount', id: 5 },
            type: { type: 'OtpType', id: 6 },
            counter: { type: 'int64', id: 7 },
          },
        },
      },
    },
  },
});
const MigrationPayloadType = root.lookupType('MigrationPayload');

/**
 * Decodes payload bytes. Unknown fields are skipped; absent fields read as proto3 defaults
 * (0, '', empty bytes). Throws whatever protobufjs throws for truncated or garbled input.
 */
export function decodeWirePayload(bytes: Uint8Array): WireMigrationPayload {
  const message = MigrationPayloadType.decode(bytes);
  const plain = MigrationPayloadType.toObject(message, { longs: String, enums: Number, bytes: Array, defaults: true, arrays: true });
  const payload = plain as Omit<WireMigrationPayload, 'otpParameters'> & { otpParameters: Array<WireOtpParameters & { secret: number[] }> };
  return { ...payload, otpParameters: payload.otpParameters.map((p) => ({ ...p, secret: Uint8Array.from(p.secret) })) };
}

/** Encodes a payload to bytes. */
export function encodeWirePayload(payload: WireMigrationPayload): Uint8Array {
  return MigrationPayloadType.encode(MigrationPayloadType.fromObject(payload)).finish();
}

/** Standard Base64 (with `+` and `/`, padded) of bytes. */
export function toBase64(bytes: Uint8Array): string {
  return protobuf.util.base64.encode(bytes, 0, bytes.length);
}

/** Bytes of standard Base64 the caller has already checked against the alphabet. */
export function fromBase64(text: string): Uint8Array {
  const buffer = new Uint8Array(Math.ceil((text.length * 3) / 4));
  return buffer.subarray(0, protobuf.util.base64.decode(text, buffer, 0));
}

/** `{ SHA1: 1 }` → `{ ALGORITHM_SHA1: 1 }`: Google's enum value names. */
function prefixed(prefix: string, values: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [`${prefix}_${name}`, value]));
}
