// Expected-integrity parsing and the EVP hasher; see digest.h.
#include "pm/fetch/digest.h"

#include <cstdint>

#include "base/check.h"
#include "base/encoding.h"

namespace skua::pm::fetch {
namespace {

const EVP_MD* EvpFor(HashAlgorithm algorithm) {
  switch (algorithm) {
    case HashAlgorithm::kSha1:
      return EVP_sha1();
    case HashAlgorithm::kSha256:
      return EVP_sha256();
    case HashAlgorithm::kSha384:
      return EVP_sha384();
    case HashAlgorithm::kSha512:
      return EVP_sha512();
  }
  UNREACHABLE();
}

bool AlgorithmFromName(std::string_view name, HashAlgorithm* out) {
  static constexpr HashAlgorithm kAll[] = {HashAlgorithm::kSha1, HashAlgorithm::kSha256,
                                           HashAlgorithm::kSha384, HashAlgorithm::kSha512};
  for (HashAlgorithm algorithm : kAll) {
    if (AlgorithmName(algorithm) == name) {
      *out = algorithm;
      return true;
    }
  }
  return false;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::string_view AlgorithmName(HashAlgorithm algorithm) {
  switch (algorithm) {
    case HashAlgorithm::kSha1:
      return "sha1";
    case HashAlgorithm::kSha256:
      return "sha256";
    case HashAlgorithm::kSha384:
      return "sha384";
    case HashAlgorithm::kSha512:
      return "sha512";
  }
  UNREACHABLE();
}

size_t DigestSize(HashAlgorithm algorithm) {
  switch (algorithm) {
    case HashAlgorithm::kSha1:
      return 20;
    case HashAlgorithm::kSha256:
      return 32;
    case HashAlgorithm::kSha384:
      return 48;
    case HashAlgorithm::kSha512:
      return 64;
  }
  UNREACHABLE();
}

std::string ExpectedIntegrity::ToString() const {
  return digests.empty() ? std::string() : ToSri(algorithm, digests.front());
}

Result<ExpectedIntegrity> ParseIntegrity(std::string_view sri) {
  ExpectedIntegrity best;
  bool found = false;
  size_t i = 0;
  while (i < sri.size()) {
    while (i < sri.size() && IsSpace(sri[i])) ++i;
    size_t start = i;
    while (i < sri.size() && !IsSpace(sri[i])) ++i;
    std::string_view token = sri.substr(start, i - start);
    if (token.empty()) break;
    size_t dash = token.find('-');
    HashAlgorithm algorithm;
    if (dash == std::string_view::npos || !AlgorithmFromName(token.substr(0, dash), &algorithm)) {
      continue;
    }
    std::string_view base64 = token.substr(dash + 1);
    base64 = base64.substr(0, base64.find('?'));  // SRI options are ignored.
    std::string raw(encoding::Base64DecodedSizeBound(base64.size()), '\0');
    size_t n = encoding::Base64Decode(base64.data(), base64.size(),
                                      reinterpret_cast<uint8_t*>(raw.data()), raw.size());
    raw.resize(n);
    // A known algorithm with an unusable digest still counts, as one that can never
    // match: a corrupt sha512 must not downgrade verification to a listed sha1.
    if (raw.size() != DigestSize(algorithm)) raw.clear();
    if (!found || algorithm > best.algorithm) {
      best.algorithm = algorithm;
      best.digests.clear();
      found = true;
    }
    if (algorithm == best.algorithm) best.digests.push_back(std::move(raw));
  }
  if (!found) return InvalidArgument("invalid integrity value: \"" + std::string(sri) + "\"");
  return best;
}

Result<ExpectedIntegrity> ParseShasum(std::string_view hex) {
  if (hex.size() != 40) return InvalidArgument("invalid shasum: \"" + std::string(hex) + "\"");
  std::string raw(20, '\0');
  size_t n = encoding::HexDecode(hex.data(), hex.size(), reinterpret_cast<uint8_t*>(raw.data()),
                                 raw.size());
  if (n != 20) return InvalidArgument("invalid shasum: \"" + std::string(hex) + "\"");
  ExpectedIntegrity expected;
  expected.algorithm = HashAlgorithm::kSha1;
  expected.digests.push_back(std::move(raw));
  return expected;
}

std::string ToSri(HashAlgorithm algorithm, std::string_view raw) {
  std::string out(AlgorithmName(algorithm));
  out += '-';
  size_t size = encoding::Base64EncodedSize(raw.size(), encoding::Base64Alphabet::kStandard);
  size_t start = out.size();
  out.resize(start + size);
  encoding::Base64Encode(reinterpret_cast<const uint8_t*>(raw.data()), raw.size(), &out[start],
                         encoding::Base64Alphabet::kStandard);
  return out;
}

std::string ToHex(std::string_view raw) {
  std::string out(raw.size() * 2, '\0');
  encoding::HexEncode(reinterpret_cast<const uint8_t*>(raw.data()), raw.size(), out.data());
  return out;
}

Hasher::Hasher(HashAlgorithm algorithm) : algorithm_(algorithm), context_(EVP_MD_CTX_new()) {
  CHECK(context_ != nullptr);
  CHECK(EVP_DigestInit_ex(context_, EvpFor(algorithm), nullptr) == 1);
}

Hasher::~Hasher() { EVP_MD_CTX_free(context_); }

void Hasher::Update(const void* data, size_t size) {
  if (size > 0) CHECK(EVP_DigestUpdate(context_, data, size) == 1);
}

std::string Hasher::Finish() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  CHECK(EVP_DigestFinal_ex(context_, digest, &size) == 1);
  return std::string(reinterpret_cast<char*>(digest), size);
}

}  // namespace skua::pm::fetch
