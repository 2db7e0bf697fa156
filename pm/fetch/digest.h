// Tarball digests: the expected integrity of a download (a minimal SRI / shasum reader)
// and an OpenSSL EVP hasher over the compressed bytes.
//
// The full SRI parser (options, multiple algorithms, lockfile upgrade rules) belongs to
// pm/registry; this file keeps only what verification needs so pm/fetch does not wait for
// it. TODO(cleanup): switch to pm/registry's integrity type once it lands.
#ifndef SKUA_PM_FETCH_DIGEST_H_
#define SKUA_PM_FETCH_DIGEST_H_

#include <openssl/evp.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace skua::pm::fetch {

// Ordered weakest to strongest, as SRI's "pick the strongest" rule needs.
enum class HashAlgorithm { kSha1, kSha256, kSha384, kSha512 };

std::string_view AlgorithmName(HashAlgorithm algorithm);  // "sha512"
size_t DigestSize(HashAlgorithm algorithm);                // 64 for sha512

// What a tarball must hash to. `digests` holds raw digest bytes of `algorithm`; the
// tarball passes when it matches any of them. Empty `digests`: nothing is known (git or
// remote tarballs), the tarball is accepted and its sha512 recorded.
struct ExpectedIntegrity {
  HashAlgorithm algorithm = HashAlgorithm::kSha512;
  std::vector<std::string> digests;

  bool empty() const { return digests.empty(); }
  // "sha512-<base64>" of the first digest, or "" when empty.
  std::string ToString() const;
};

// Reads an SRI string ("sha512-AbC== sha1-xyz"), keeping the tokens of the strongest
// known algorithm. Unknown algorithms are ignored; no known token at all is an error. A
// known token whose digest is malformed is kept as an empty digest that never matches
// (same rule as pm/registry's Integrity).
Result<ExpectedIntegrity> ParseIntegrity(std::string_view sri);

// Reads a packument's hex `dist.shasum` (sha1).
Result<ExpectedIntegrity> ParseShasum(std::string_view hex);

// "<algo>-<base64>" for a raw digest.
std::string ToSri(HashAlgorithm algorithm, std::string_view raw);
// Lowercase hex for a raw digest.
std::string ToHex(std::string_view raw);

// One running EVP digest. Not copyable; Finish() may be called once.
class Hasher {
 public:
  explicit Hasher(HashAlgorithm algorithm);
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  HashAlgorithm algorithm() const { return algorithm_; }
  void Update(const void* data, size_t size);
  // The raw digest.
  std::string Finish();

 private:
  HashAlgorithm algorithm_;
  EVP_MD_CTX* context_;
};

}  // namespace skua::pm::fetch

#endif  // SKUA_PM_FETCH_DIGEST_H_
