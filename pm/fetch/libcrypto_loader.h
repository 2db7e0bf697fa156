// OpenSSL's libcrypto, opened on first use. pm needs ten EVP digest functions (tarball and
// SRI hashes), yet linking libcrypto.so.3 costs every install its ~21,000 relocations in
// the dynamic loader (2-5 ms), although an install answered from the store hashes
// nothing. libcrypto_loader.cc defines those functions as forwarders to libcrypto.so.3,
// opened with dlopen (RTLD_LOCAL) the first time one runs; the same arrangement as
// pm/registry/libcurl_loader.h. libcurl, when it loads, shares the same copy.
//
// Rules:
//   - Nothing linked into libskua_pm.so may depend on //third_party:openssl (that would
//     link it back).
//   - A function pm starts to call must be added to the list in libcrypto_loader.cc;
//     `nm -D --undefined-only libskua_pm.so | grep EVP_` must stay empty.
//   - The forwarders CHECK that the library loaded (libcrypto.so.3 is a dependency of
//     libcurl and of the runtime, so a system without it cannot run skua anyway).
//     Thread-safe: the load happens once.
#ifndef SKUA_PM_FETCH_LIBCRYPTO_LOADER_H_
#define SKUA_PM_FETCH_LIBCRYPTO_LOADER_H_

namespace skua::pm::fetch {

// True once libcrypto.so.3 is open (it opens on the first call of any forwarder). For tests.
bool LibcryptoLoaded();

}  // namespace skua::pm::fetch

#endif  // SKUA_PM_FETCH_LIBCRYPTO_LOADER_H_
