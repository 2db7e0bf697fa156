// UTS #46 through ICU (libicu72, the same library libnode links). ICU is opened on the
// first domain that is not plain ASCII: most runs never need it, and loading it (with
// its 6,000 relocations) cost every skua process about 0.25 ms. One UIDNA object is
// created then and shared: ICU documents uidna_nameTo* as thread-safe on a const UIDNA.
#include "base/url/idna.h"

#include <unicode/uidna.h>
#include <unicode/uvernum.h>

#include "base/check.h"
#include "base/shared_library.h"

namespace skua::url {

namespace {

// ICU's exported names carry its major version (uidna_openUTS46_72): the header's macros
// give them, stringised after expansion.
#define SKUA_ICU_NAME_TEXT(name) #name
#define SKUA_ICU_NAME(name) SKUA_ICU_NAME_TEXT(name)

struct Icu {
  decltype(&uidna_openUTS46) open_uts46 = nullptr;
  decltype(&uidna_nameToASCII_UTF8) name_to_ascii = nullptr;
  decltype(&uidna_nameToUnicodeUTF8) name_to_unicode = nullptr;
  const UIDNA* uts46 = nullptr;  // Null when ICU could not be opened.
};

const Icu& LoadIcu() {
  static const Icu icu = [] {
    Icu loaded;
    std::string error = OpenSharedLibrary(
        "libicuuc.so." U_ICU_VERSION_SHORT,
        {{SKUA_ICU_NAME(uidna_openUTS46), reinterpret_cast<void**>(&loaded.open_uts46)},
         {SKUA_ICU_NAME(uidna_nameToASCII_UTF8), reinterpret_cast<void**>(&loaded.name_to_ascii)},
         {SKUA_ICU_NAME(uidna_nameToUnicodeUTF8), reinterpret_cast<void**>(&loaded.name_to_unicode)}});
    if (!error.empty()) return loaded;  // Every non-ASCII domain is then refused.
    UErrorCode status = U_ZERO_ERROR;
    loaded.uts46 = loaded.open_uts46(UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ |
                                         UIDNA_NONTRANSITIONAL_TO_ASCII |
                                         UIDNA_NONTRANSITIONAL_TO_UNICODE,
                                     &status);
    CHECK(U_SUCCESS(status));  // Only fails when ICU's data is missing.
    return loaded;
  }();
  return icu;
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

using IdnaFunction = decltype(&uidna_nameToASCII_UTF8);

// `pick` chooses the conversion from the loaded library.
std::optional<std::string> RunIcu(std::string_view domain, IdnaFunction Icu::*pick,
                                  uint32_t* errors) {
  const Icu& icu = LoadIcu();
  if (icu.uts46 == nullptr) return std::nullopt;
  IdnaFunction fn = icu.*pick;
  std::string out(domain.size() * 4 + 64, '\0');
  for (int attempt = 0; attempt < 2; ++attempt) {
    UErrorCode status = U_ZERO_ERROR;
    UIDNAInfo info = UIDNA_INFO_INITIALIZER;
    int32_t length = fn(icu.uts46, domain.data(), static_cast<int32_t>(domain.size()),
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
  std::optional<std::string> out = RunIcu(domain, &Icu::name_to_ascii, &errors);
  if (!out || (errors & ~kIgnoredErrors) != 0 || out->empty()) return std::nullopt;
  return out;
}

std::string DomainToUnicode(std::string_view domain) {
  uint32_t errors = 0;
  std::optional<std::string> out = RunIcu(domain, &Icu::name_to_unicode, &errors);
  return out ? *out : std::string(domain);
}

}  // namespace skua::url
