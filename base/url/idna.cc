// UTS #46 through ICU (libicu72, the same library libnode links). One UIDNA object is
// created on first use and shared: ICU documents uidna_nameTo* as thread-safe on a const
// UIDNA.
#include "base/url/idna.h"

#include <unicode/uidna.h>

#include "base/check.h"

namespace skua::url {

namespace {

const UIDNA* Uts46() {
  static const UIDNA* idna = [] {
    UErrorCode status = U_ZERO_ERROR;
    UIDNA* created = uidna_openUTS46(UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ |
                                         UIDNA_NONTRANSITIONAL_TO_ASCII |
                                         UIDNA_NONTRANSITIONAL_TO_UNICODE,
                                     &status);
    CHECK(U_SUCCESS(status));  // Only fails when ICU's data is missing.
    return created;
  }();
  return idna;
}

// Errors that the URL Standard's options turn off: CheckHyphens=false and
// VerifyDnsLength=false.
constexpr uint32_t kIgnoredErrors = UIDNA_ERROR_EMPTY_LABEL | UIDNA_ERROR_LABEL_TOO_LONG |
                                    UIDNA_ERROR_DOMAIN_NAME_TOO_LONG |
                                    UIDNA_ERROR_LEADING_HYPHEN | UIDNA_ERROR_TRAILING_HYPHEN |
                                    UIDNA_ERROR_HYPHEN_3_4;

// True if `domain` is ASCII with no label starting "xn--" (any case).
bool IsPlainAscii(std::string_view domain) {
  bool label_start = true;
  for (size_t i = 0; i < domain.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(domain[i]);
    if (c >= 0x80) return false;
    if (label_start && i + 3 < domain.size() && (c | 0x20) == 'x' &&
        (domain[i + 1] | 0x20) == 'n' && domain[i + 2] == '-' && domain[i + 3] == '-') {
      return false;
    }
    label_start = c == '.';
  }
  return true;
}

template <typename Fn>
std::optional<std::string> RunIcu(std::string_view domain, Fn fn, uint32_t* errors) {
  std::string out(domain.size() * 4 + 64, '\0');
  for (int attempt = 0; attempt < 2; ++attempt) {
    UErrorCode status = U_ZERO_ERROR;
    UIDNAInfo info = UIDNA_INFO_INITIALIZER;
    int32_t length = fn(Uts46(), domain.data(), static_cast<int32_t>(domain.size()),
                        out.data(), static_cast<int32_t>(out.size()), &info, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      out.resize(length);
      continue;
    }
    if (U_FAILURE(status)) return std::nullopt;
    out.resize(length);
    *errors = info.errors;
    return out;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> DomainToAscii(std::string_view domain) {
  if (IsPlainAscii(domain)) {
    if (domain.empty()) return std::nullopt;
    std::string out(domain);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
    }
    return out;
  }
  uint32_t errors = 0;
  std::optional<std::string> out = RunIcu(domain, uidna_nameToASCII_UTF8, &errors);
  if (!out || (errors & ~kIgnoredErrors) != 0 || out->empty()) return std::nullopt;
  return out;
}

std::string DomainToUnicode(std::string_view domain) {
  uint32_t errors = 0;
  std::optional<std::string> out = RunIcu(domain, uidna_nameToUnicodeUTF8, &errors);
  return out ? *out : std::string(domain);
}

}  // namespace skua::url
