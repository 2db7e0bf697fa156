// The `buffer` binding (runtime/bindings/buffer.cc, buffer_bytes.cc), as stdlib uses it.
// Arguments are validated by stdlib/buffer.js; the binding only CHECKs them.

type View = ArrayBufferView | ArrayBuffer;
// 0 utf8, 1 ucs2, 2 latin1, 3 ascii, 4 base64, 5 base64url, 6 hex (internal/buffer/encodings).
type EncodingId = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const kMaxLength: number;        // v8::TypedArray::kMaxLength (2 ** 32).
export const kStringMaxLength: number;  // v8::String::kMaxLength (2 ** 29 - 24).
export function byteLengthUtf8(string: string): number;
// Bytes written into view[offset, offset + maxLength); UTF-8 never splits a character.
export function write(view: View, string: string, offset: number, maxLength: number,
                      encoding: EncodingId): number;
// Throws ERR_STRING_TOO_LONG past kStringMaxLength.
export function decode(view: View, start: number, end: number, encoding: EncodingId): string;
export function fromString(string: string, encoding: EncodingId): ArrayBuffer;
export function allocUnsafe(size: number): ArrayBuffer;  // Uninitialised (malloc).
export function compare(a: View, aStart: number, aEnd: number,
                        b: View, bStart: number, bEnd: number): -1 | 0 | 1;
export function indexOfBytes(haystack: View, needle: View, byteOffset: number, ucs2: boolean,
                             forward: boolean): number;
export function indexOfNumber(haystack: View, byte: number, byteOffset: number,
                              forward: boolean): number;
export function fill(view: View, pattern: View, start: number, end: number): void;
export function swap(view: View, size: 2 | 4 | 8): void;
// Both throw ERR_INVALID_STATE for a detached buffer.
export function isUtf8(view: View): boolean;
export function isAscii(view: View): boolean;
