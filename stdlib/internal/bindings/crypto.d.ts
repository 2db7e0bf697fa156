// internalBinding('crypto'): runtime/bindings/crypto/*.cc. This file covers the classic
// Diffie-Hellman (diffie_hellman.cc), X509Certificate (x509_certificate.cc) and SPKAC
// (spkac.cc) surfaces.
// TODO(cleanup): describe the rest of the binding (hashes, ciphers, keys, sign, kdf).

type Bytes = ArrayBufferView | ArrayBuffer;

// The native side of DiffieHellman / DiffieHellmanGroup (synchronous, loop thread).
export class DiffieHellmanHandle {
  // Generates parameters; throws OpenSSL's error (e.g. "modulus too small").
  initPrimeLength(bits: number, generator: number): void;
  // Throws ERR_OSSL_DH_BAD_GENERATOR-style errors for a generator below 2.
  initPrime(prime: Bytes, generator: number | Bytes): void;
  initGroup(name: string): boolean;  // false: not one of modp1/2/5/14..18
  verifyError(): number;  // DH_check flags, computed on each call
  generateKeys(): ArrayBuffer;  // the public key; keeps an existing private key
  getField(which: 0 | 1 | 2 | 3): ArrayBuffer | undefined;  // prime, generator, public, private
  setKey(isPrivate: boolean, key: Bytes): void;
  // The secret, zero-padded to the prime's size; 1 = peer key too small, 2 = too large.
  computeSecret(peerPublicKey: Bytes): ArrayBuffer | 1 | 2 | 3;
}

// The native side of crypto.X509Certificate.
export class X509CertificateHandle {
  parse(data: Bytes): void;  // PEM or DER; throws OpenSSL's error
  // 0 subject, 1 issuer, 2 subjectAltName, 3 infoAccess, 4 validFrom, 5 validTo,
  // 6 serialNumber (hex), 7 PEM; undefined when absent.
  text(which: number): string | undefined;
  fingerprint(digest: string): string;  // "AB:CD:..."
  raw(): ArrayBuffer;
  isCa(): boolean;
  keyUsage(): string[] | undefined;  // extended key usage OIDs
  publicKey(): object;  // a KeyObjectHandle
  checkHost(name: string, flags: number): string | undefined;  // X509_CHECK_FLAG_*
  checkEmail(email: string, flags: number): string | undefined;
  checkIP(ip: string): string | undefined;
  checkIssued(other: X509CertificateHandle): boolean;
  checkPrivateKey(keyHandle: object): boolean;
  verify(keyHandle: object): boolean;
  toLegacyObject(): object;  // getPeerCertificate()'s shape
}

// SPKAC (base64 text; trailing whitespace ignored).
export function certVerifySpkac(spkac: Bytes): boolean;
export function certExportPublicKey(spkac: Bytes): ArrayBuffer | undefined;  // SPKI PEM text
export function certExportChallenge(spkac: Bytes): ArrayBuffer | undefined;

// OpenSSL set-up from the command line (crypto.cc), called once by internal/tls/cli.
// --secure-heap: sizes are powers of 2 and min <= size; a failed init leaves no heap.
export function secureHeapInit(size: number, min: number): void;
// crypto.secureHeapUsed()'s numbers, or undefined without a secure heap.
export function secureHeapUsed(): { total: number, min: number, used: number } | undefined;
export function loadLegacyProvider(): void;  // --openssl-legacy-provider (+ default)
// --openssl-config=FILE from section appname; a missing file or bad content is ignored.
export function loadConfig(file: string, appname: string): void;
