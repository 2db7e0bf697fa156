// SRI parsing and verification; digests come from OpenSSL's EVP interface.
#include "pm/registry/integrity.h"

#include <openssl/evp.h>

#include <algorithm>
#include <iterator>

#include "base/check.h"

#include "base/encoding.h"

namespace skua::pm::registry {

namespace {

constexpr HashAlgorithm kAll[] = {HashAlgorithm::kSha1, HashAlgorithm::kSha256,
                                  HashAlgorithm::kSha384, HashAlgorithm::kSha512};

const EVP_MD* Md(HashAlgorithm algorithm) {
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
  return EVP_sha512();
}

bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool IsBase64Char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string_view AlgorithmName(HashAlgorithm algorithm) {
  static constexpr std::string_view kNames[] = {"sha1", "sha256", "sha384", "sha512"};
  return kNames[static_cast<int>(algorithm)];
}

size_t DigestSize(HashAlgorithm algorithm) {
  static constexpr size_t kSizes[] = {20, 32, 48, 64};
  return kSizes[static_cast<int>(algorithm)];
}

std::optional<std::string> DecodeBase64(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) return std::nullopt;
  size_t padding = 0;
  while (padding < 2 && text[text.size() - 1 - padding] == '=') ++padding;
  for (size_t i = 0; i < text.size() - padding; ++i) {
    if (!IsBase64Char(text[i])) return std::nullopt;
  }
  std::string out(encoding::Base64DecodedSizeBound(text.size() - padding), '\0');
  size_t n = encoding::Base64Decode(reinterpret_cast<const uint8_t*>(text.data()), text.size(), reinterpret_cast<uint8_t*>(out.data()), out.size());
  out.resize(n);
  return out;
}

std::string EncodeBase64(std::string_view bytes) {
  std::string out(encoding::Base64EncodedSize(bytes.size(), encoding::Base64Alphabet::kStandard), '\0');
  encoding::Base64Encode(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), out.data(),
                         encoding::Base64Alphabet::kStandard);
  return out;
}

Result<Integrity> Integrity::Parse(std::string_view sri) {
  Integrity result;
  size_t i = 0;
  while (i < sri.size()) {
    while (i < sri.size() && IsSpace(sri[i])) ++i;
    size_t start = i;
    while (i < sri.size() && !IsSpace(sri[i])) ++i;
    std::string_view token = sri.substr(start, i - start);
    size_t dash = token.find('-');
    if (token.empty() || dash == std::string_view::npos) continue;
    std::string_view name = token.substr(0, dash);
    std::string_view rest = token.substr(dash + 1);
    size_t question = rest.find('?');
    Hash hash;
    bool known = false;
    for (HashAlgorithm a : kAll) {
      if (name == AlgorithmName(a)) {
        hash.algorithm = a;
        known = true;
      }
    }
    if (!known || rest.empty() || question == 0) continue;
    hash.base64 = std::string(rest.substr(0, question));
    if (question != std::string_view::npos) hash.options = std::string(rest.substr(question + 1));
    std::optional<std::string> raw = DecodeBase64(hash.base64);
    if (raw && raw->size() == DigestSize(hash.algorithm)) hash.digest = std::move(*raw);
    result.hashes_.push_back(std::move(hash));
  }
  if (result.hashes_.empty()) return InvalidArgument("Invalid integrity: \"" + std::string(sri) + "\"");
  return result;
}

Result<Integrity> Integrity::FromShasum(std::string_view hex) {
  if (hex.size() != 40) return InvalidArgument("Invalid shasum: \"" + std::string(hex) + "\"");
  std::string raw;
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = HexValue(hex[i]), lo = HexValue(hex[i + 1]);
    if (hi < 0 || lo < 0) return InvalidArgument("Invalid shasum: \"" + std::string(hex) + "\"");
    raw += static_cast<char>(hi * 16 + lo);
  }
  return FromDigest(HashAlgorithm::kSha1, raw);
}

Integrity Integrity::FromDigest(HashAlgorithm algorithm, std::string_view raw) {
  Integrity result;
  result.hashes_.push_back({algorithm, std::string(raw), EncodeBase64(raw), ""});
  return result;
}

HashAlgorithm Integrity::strongest() const {
  HashAlgorithm best = HashAlgorithm::kSha1;
  for (const Hash& h : hashes_) best = std::max(best, h.algorithm);
  return best;
}

bool Integrity::Has(HashAlgorithm algorithm) const {
  for (const Hash& h : hashes_) {
    if (h.algorithm == algorithm) return true;
  }
  return false;
}

bool Integrity::Matches(HashAlgorithm algorithm, std::string_view raw) const {
  for (const Hash& h : hashes_) {
    if (h.algorithm == algorithm && !h.digest.empty() && h.digest == raw) return true;
  }
  return false;
}

bool Integrity::Verify(std::string_view data) const {
  if (hashes_.empty()) return false;
  HashAlgorithm algorithm = strongest();
  return Matches(algorithm, ComputeDigest(algorithm, data));
}

std::string Integrity::ToString() const {
  std::string out;
  for (const Hash& h : hashes_) {
    if (!out.empty()) out += ' ';
    out += std::string(AlgorithmName(h.algorithm)) + "-" + h.base64;
    if (!h.options.empty()) out += "?" + h.options;
  }
  return out;
}

std::string ComputeDigest(HashAlgorithm algorithm, std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  // EVP_Digest fails only on allocation failure inside OpenSSL.
  CHECK(EVP_Digest(data.data(), data.size(), digest, &size, Md(algorithm), nullptr) == 1);
  return std::string(reinterpret_cast<char*>(digest), size);
}

Status CheckSameIntegrity(const Integrity& lockfile, const Integrity& registry,
                          std::string_view package) {
  for (auto it = std::rbegin(kAll); it != std::rend(kAll); ++it) {
    if (!lockfile.Has(*it) || !registry.Has(*it)) continue;
    for (const Hash& h : registry.hashes()) {
      if (h.algorithm == *it && lockfile.Matches(*it, h.digest)) return Status::Ok();
    }
    return InvalidArgument("Integrity check failed for " + std::string(package) + ": wanted " +
                           lockfile.ToString() + " but got " + registry.ToString());
  }
  return Status::Ok();
}

}  // namespace skua::pm::registry
