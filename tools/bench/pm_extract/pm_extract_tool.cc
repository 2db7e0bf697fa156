// Benchmark driver for the package manager's I/O pipeline (pm/fetch + pm/store + pm/link):
//   pm_extract_tool generate DIR N FILES   writes N npm-style tarballs of FILES files each
//                                          into DIR, plus DIR/integrity.txt
//   pm_extract_tool install DIR OUT        cold: every tarball → store → node_modules;
//                                          warm: store kept, fresh node_modules
// `install` prints one JSON object of wall times in milliseconds. Single-threaded on
// purpose: the comparison in ./run is against one pacote/tar stream.
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "pm/fetch/byte_source.h"
#include "pm/fetch/digest.h"
#include "pm/fetch/extract.h"
#include "pm/fetch/testing/tar_builder.h"
#include "pm/fsutil/fsutil.h"
#include "pm/link/materializer.h"
#include "pm/store/store.h"

namespace skua::pm {
namespace {

double Now() {
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Deterministic, JS-looking text so gzip ratios resemble real packages (about 3-4x).
std::string FileContent(unsigned seed, size_t size) {
  static const char* kWords[] = {"function", "return", "const", "module.exports", "require",
                                 "if", "else", "this", "value", "options", "callback", "=>",
                                 "{", "}", "(", ")", ";", "\n", "  ", "undefined", "null"};
  std::string out;
  unsigned x = seed * 2654435761u + 1;
  while (out.size() < size) {
    x = x * 1103515245u + 12345u;
    out += kWords[(x >> 16) % (sizeof(kWords) / sizeof(kWords[0]))];
    out += (x & 0x100) ? ' ' : '_';
    if ((x & 0xff) < 40) out += std::to_string(x % 997);
  }
  return out;
}

int Generate(const std::string& dir, int n, int files) {
  if (!fsutil::MakeDirs(dir).ok()) return 1;
  std::string integrities;
  for (int p = 0; p < n; ++p) {
    std::string name = "pkg-" + std::to_string(p);
    std::vector<std::pair<std::string, std::string>> entries;
    entries.emplace_back("package.json",
                         "{\"name\":\"" + name + "\",\"version\":\"1.0.0\",\"main\":\"index.js\"}\n");
    for (int f = 1; f < files; ++f) {
      std::string path = (f % 3 == 0 ? "lib/" : f % 3 == 1 ? "src/util/" : "") +
                         std::string("file") + std::to_string(f) + ".js";
      entries.emplace_back(path, FileContent(static_cast<unsigned>(p * 1000 + f), 500 + (f * 97) % 4000));
    }
    std::string tgz = fetch::testing::BuildPackage(entries);
    if (!fsutil::WriteFileAtomic(fsutil::JoinPath(dir, name + ".tgz"), tgz).ok()) return 1;
    fetch::Hasher hasher(fetch::HashAlgorithm::kSha512);
    hasher.Update(tgz.data(), tgz.size());
    integrities += name + " " + fetch::ToSri(fetch::HashAlgorithm::kSha512, hasher.Finish()) + "\n";
  }
  return fsutil::WriteFileAtomic(fsutil::JoinPath(dir, "integrity.txt"), integrities).ok() ? 0 : 1;
}

struct Package {
  std::string name;
  fetch::ExpectedIntegrity integrity;
};

int Install(const std::string& dir, const std::string& out) {
  Result<std::string> list = fsutil::ReadFile(fsutil::JoinPath(dir, "integrity.txt"));
  if (!list.ok()) return 1;
  std::vector<Package> packages;
  size_t start = 0;
  while (start < list->size()) {
    size_t end = list->find('\n', start);
    std::string line = list->substr(start, end - start);
    start = end + 1;
    size_t space = line.find(' ');
    Result<fetch::ExpectedIntegrity> integrity = fetch::ParseIntegrity(line.substr(space + 1));
    if (!integrity.ok()) return 1;
    packages.push_back(Package{line.substr(0, space), *integrity});
  }
  Result<store::Store> opened = store::Store::Open(fsutil::JoinPath(out, "cache"));
  if (!opened.ok()) return 1;
  store::Store store = std::move(opened).value();

  auto run = [&](const std::string& project, bool insert) -> double {
    link::Materializer materializer;
    double t0 = Now();
    for (const Package& package : packages) {
      std::optional<store::StoreEntry> entry = store.Lookup(package.integrity);
      if (!entry && insert) {
        Result<std::unique_ptr<fetch::FileSource>> source =
            fetch::FileSource::Open(fsutil::JoinPath(dir, package.name + ".tgz"));
        fetch::ExtractOptions options;
        options.package = package.name + "@1.0.0";
        options.integrity = package.integrity;
        Result<store::StoreEntry> inserted = store.Insert(**source, options);
        if (!inserted.ok()) {
          fprintf(stderr, "%s\n", inserted.status().message().c_str());
          exit(1);
        }
        entry = std::move(inserted).value();
      }
      Status status = materializer.Materialize(
          entry->package_dir, entry->index,
          fsutil::JoinPath(project, "node_modules/" + package.name));
      if (!status.ok()) {
        fprintf(stderr, "%s\n", status.message().c_str());
        exit(1);
      }
    }
    return Now() - t0;
  };
  double cold = run(fsutil::JoinPath(out, "cold"), true);
  double warm = run(fsutil::JoinPath(out, "warm"), false);
  link::Materializer copier(link::LinkMode::kCopy);
  double t0 = Now();
  for (const Package& package : packages) {
    std::optional<store::StoreEntry> entry = store.Lookup(package.integrity);
    if (!copier.Materialize(entry->package_dir, entry->index,
                            fsutil::JoinPath(out, "copy/node_modules/" + package.name)).ok()) {
      return 1;
    }
  }
  double warm_copy = Now() - t0;
  printf("{\"cold\": %.1f, \"warm\": %.1f, \"warm_copy\": %.1f}\n", cold, warm, warm_copy);
  return 0;
}

}  // namespace
}  // namespace skua::pm

int main(int argc, char** argv) {
  std::string command = argc > 1 ? argv[1] : "";
  if (command == "generate" && argc == 5) {
    return skua::pm::Generate(argv[2], atoi(argv[3]), atoi(argv[4]));
  }
  if (command == "install" && argc == 4) return skua::pm::Install(argv[2], argv[3]);
  fprintf(stderr, "usage: pm_extract_tool generate DIR N FILES | install DIR OUT\n");
  return 2;
}
