/**
 * Google Authenticator's export format (`otpauth-migration://offline?data=<base64 protobuf>`),
 * read and written with protobufjs's wire-level Reader and Writer (`protobufjs/minimal`).
 *
 * Why not protobufjs's reflection API: its decoders are compiled with `new Function` on first
 * use (and the module evaluates code when loaded), which a Content-Security-Policy without
 * 'unsafe-eval' forbids — the app's renderer and workers have such a CSP, and importing
 * `shared/otp` there must not fail. Reader/Writer do the protobuf encoding (varints, zigzag,
 * length-delimited fields, skipping unknown fields); this module only names the fields.
 *
 * message MigrationPayload {
 *   enum Algorithm { ALGORITHM_UNSPECIFIED = 0; SHA1 = 1; SHA256 = 2; SHA512 = 3; MD5 = 4; }
 *   enum DigitCount { DIGIT_COUNT_UNSPECIFIED = 0; SIX = 1; EIGHT = 2; }
 *   enum OtpType { OTP_TYPE_UNSPECIFIED = 0; HOTP = 1; TOTP = 2; }
 *   message OtpParameters { bytes secret = 1; string name = 2; string issuer = 3;
 *     Algorithm algorithm = 4; DigitCount digits = 5; OtpType type = 6; int64 counter = 7; }
 *   repeated OtpParameters otp_parameters = 1; int32 version = 2; int32 batch_size = 3;
 *   int32 batch_index = 4; int32 batch_id = 5;
 * }
 * (as Google Authenticator writes it; documented by Aegis, GNOME Authenticator and others).
 */
import protobuf from 'protobufjs/minimal.js';

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

const VARINT = 0;
const LENGTH_DELIMITED = 2;

/** Per field number: the wire type it must have and how to store its value. */
type FieldReaders<T> = Readonly<Record<number, readonly [wireType: number, read: (reader: protobuf.Reader, target: T) => void]>>;

const ACCOUNT_FIELDS: FieldReaders<WireOtpParameters> = {
  1: [LENGTH_DELIMITED, (r, t) => (t.secret = r.bytes())],
  2: [LENGTH_DELIMITED, (r, t) => (t.name = r.string())],
  3: [LENGTH_DELIMITED, (r, t) => (t.issuer = r.string())],
  4: [VARINT, (r, t) => (t.algorithm = r.int32())],
  5: [VARINT, (r, t) => (t.digits = r.int32())],
  6: [VARINT, (r, t) => (t.type = r.int32())],
  // A Long where long.js is loaded (Node), else a number (exact up to 2^53, which is all we accept).
  7: [VARINT, (r, t) => (t.counter = String(r.int64()))],
};

const PAYLOAD_FIELDS: FieldReaders<WireMigrationPayload> = {
  1: [LENGTH_DELIMITED, (r, t) => t.otpParameters.push(readNested(r, ACCOUNT_FIELDS, emptyAccount()))],
  2: [VARINT, (r, t) => (t.version = r.int32())],
  3: [VARINT, (r, t) => (t.batchSize = r.int32())],
  4: [VARINT, (r, t) => (t.batchIndex = r.int32())],
  5: [VARINT, (r, t) => (t.batchId = r.int32())],
};

/**
 * Decodes payload bytes. Unknown fields are skipped; absent fields read as proto3 defaults
 * (0, '', empty bytes). Throws a plain Error for truncated or garbled input (a known field with
 * the wrong wire type included).
 */
export function decodeWirePayload(bytes: Uint8Array): WireMigrationPayload {
  const reader = protobuf.Reader.create(bytes);
  const payload: WireMigrationPayload = { otpParameters: [], version: 0, batchSize: 0, batchIndex: 0, batchId: 0 };
  return readMessage(reader, reader.len, PAYLOAD_FIELDS, payload);
}

/** Encodes a payload to bytes (header fields always written, as Google does). */
export function encodeWirePayload(payload: WireMigrationPayload): Uint8Array {
  const w = protobuf.Writer.create();
  for (const account of payload.otpParameters) {
    w.uint32(tag(1, LENGTH_DELIMITED)).fork();
    w.uint32(tag(1, LENGTH_DELIMITED)).bytes(account.secret);
    w.uint32(tag(2, LENGTH_DELIMITED)).string(account.name);
    w.uint32(tag(3, LENGTH_DELIMITED)).string(account.issuer);
    w.uint32(tag(4, VARINT)).int32(account.algorithm);
    w.uint32(tag(5, VARINT)).int32(account.digits);
    w.uint32(tag(6, VARINT)).int32(account.type);
    if (account.counter !== undefined) w.uint32(tag(7, VARINT)).int64(account.counter);
    w.ldelim();
  }
  w.uint32(tag(2, VARINT)).int32(payload.version);
  w.uint32(tag(3, VARINT)).int32(payload.batchSize);
  w.uint32(tag(4, VARINT)).int32(payload.batchIndex);
  w.uint32(tag(5, VARINT)).int32(payload.batchId);
  return w.finish();
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

/** Reads fields into `target` until `reader` reaches `end`; unknown fields are skipped. */
function readMessage<T>(reader: protobuf.Reader, end: number, fields: FieldReaders<T>, target: T): T {
  if (end > reader.len) throw new Error('message runs past the end of the data');
  while (reader.pos < end) {
    const key = reader.uint32();
    const field = fields[key >>> 3];
    if (field === undefined) reader.skipType(key & 7);
    else if (field[0] !== (key & 7)) throw new Error(`field ${key >>> 3} has wire type ${key & 7}`);
    else field[1](reader, target);
  }
  if (reader.pos !== end) throw new Error('a field runs past the end of its message');
  return target;
}

/** Reads a length-delimited embedded message. */
function readNested<T>(reader: protobuf.Reader, fields: FieldReaders<T>, target: T): T {
  const length = reader.uint32();
  return readMessage(reader, reader.pos + length, fields, target);
}

function emptyAccount(): WireOtpParameters {
  return { secret: new Uint8Array(), name: '', issuer: '', algorithm: 0, digits: 0, type: 0 };
}

function tag(field: number, wireType: number): number {
  return ((field << 3) | wireType) >>> 0;
}
