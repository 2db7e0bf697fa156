// Subresource Integrity strings as npm (ssri) uses them for tarballs: parsing
// "sha512-<base64> sha1-<base64>?opt", converting a packument's hex `shasum`, choosing the
// strongest algorithm, and checking bytes or a computed digest against it (pm-spec §2.8).
//
// Rules: tokens of unknown algorithms are ignored; a token of a known algorithm whose
// digest is not valid base64 of the right length is kept but can never match, so a
// corrupt sha512 cannot silently downgrade verification to a weaker hash.
#ifndef SKUA_PM_REGISTRY_INTEGRITY_H_
#define SKUA_PM_REGISTRY_INTEGRITY_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace skua::pm::registry {

// Ordered weakest to strongest.
enum class HashAlgorithm { kSha1, kSha256, kSha384, kSha512 };

std::string_view AlgorithmName(HashAlgorithm algorithm);  // "sha512"
size_t DigestSize(HashAlgorithm algorithm);                // Bytes: 64 for sha512.

struct Hash {
  HashAlgorithm algorithm = HashAlgorithm::kSha512;
  std::string digest;   // Raw bytes; empty when the token's base64 was unusable.
  std::string base64;   // As written.
  std::string options;  // Text after '?', without it.
};

class Integrity {
 public:
  // Parses whitespace-separated SRI tokens. An input with no token of a known algorithm
  // is an error ("Invalid integrity: ...").
  static Result<Integrity> Parse(std::string_view sri);
  // From a hex sha1 `dist.shasum` (40 hex digits).
  static Result<Integrity> FromShasum(std::string_view hex);
  // A single computed digest.
  static Integrity FromDigest(HashAlgorithm algorithm, std::string_view raw);

  // The algorithm verification uses: the strongest one present.
  HashAlgorithm strongest() const;
  const std::vector<Hash>& hashes() const { return hashes_; }
  bool Has(HashAlgorithm algorithm) const;

  // True when `raw` (a digest of `algorithm`) equals one of this integrity's digests of
  // that algorithm.
  bool Matches(HashAlgorithm algorithm, std::string_view raw) const;

  // Hashes `data` with the strongest algorithm and compares.
  bool Verify(std::string_view data) const;

  // "algo-base64[?opts]" tokens joined by spaces, in the order parsed.
  std::string ToString() const;

 private:
  std::vector<Hash> hashes_;
};

// One-shot digest with OpenSSL EVP.
std::string ComputeDigest(HashAlgorithm algorithm, std::string_view data);

// Lockfile versus registry (npm's EINTEGRITY rule): when both name a common algorithm
// and no digest of the strongest common one agrees, the package changed under the same
// version; sharing no algorithm is fine (the lockfile is upgraded to the stronger one).
// `package` names the package in the message.
Status CheckSameIntegrity(const Integrity& lockfile, const Integrity& registry,
                          std::string_view package);

// Strict standard base64 (padded, no whitespace) to bytes.
std::optional<std::string> DecodeBase64(std::string_view text);
std::string EncodeBase64(std::string_view bytes);

}  // namespace skua::pm::registry

#endif  // SKUA_PM_REGISTRY_INTEGRITY_H_
