// Whether a folder of trusted certificates can be searched by OpenSSL one issuer at a
// time (c_rehash / update-ca-certificates links named `<8 hex digits>.0`), which is much
// cheaper than parsing a whole bundle: the package manager's curl and the runtime's TLS
// contexts read the system's roots that way when they can.
#ifndef SKUA_BASE_HASHED_CA_FOLDER_H_
#define SKUA_BASE_HASHED_CA_FOLDER_H_

#include <string>

namespace skua {

// True when `dir` holds at least one hashed certificate link.
bool HasHashedCaLinks(const std::string& dir);

}  // namespace skua

#endif  // SKUA_BASE_HASHED_CA_FOLDER_H_
