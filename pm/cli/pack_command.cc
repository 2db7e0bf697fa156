// `skua pack`: packlist, tar + gzip with libarchive, npm's summary.
#include "pm/cli/pack_command.h"

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

#include "pm/cli/json_error.h"
#include "pm/cli/packlist.h"
#include "pm/cli/scripts.h"
#include "pm/config/cli_args.h"
#include "pm/config/config.h"
#include "pm/fetch/digest.h"
#include "pm/fetch/libarchive_loader.h"
#include "pm/fsutil/fsutil.h"
#include "pm/lockfile/json_value.h"
#include "pm/lockfile/stringify.h"

namespace skua::pm::cli {

namespace {

// npm's (and pacote's) fixed entry time, 1985-10-26T08:15:00.000Z.
constexpr time_t kPackMtime = 499162500;

struct PackedFile {
  std::string path;
  size_t size = 0;
  int mode = 0;
};

struct Tarball {
  std::string bytes;
  std::vector<PackedFile> files;
  size_t unpacked_size = 0;
};

la_ssize_t AppendToString(archive*, void* client, const void* buffer, size_t length) {
  static_cast<std::string*>(client)->append(static_cast<const char*>(buffer), length);
  return static_cast<la_ssize_t>(length);
}

Result<Tarball> MakeTarball(const std::string& dir, const std::vector<std::string>& files) {
  if (std::string error; !fetch::LoadLibarchive(&error)) return IoError("cannot load libarchive: " + error);
  Tarball out;
  archive* a = archive_write_new();
  archive_write_add_filter_gzip(a);
  archive_write_set_filter_option(a, "gzip", "compression-level", "9");
  archive_write_set_filter_option(a, "gzip", "timestamp", nullptr);  // Byte-stable output.
  archive_write_set_format_pax_restricted(a);  // ustar headers unless a path needs pax.
  archive_write_set_bytes_in_last_block(a, 1);
  if (archive_write_open(a, &out.bytes, nullptr, AppendToString, nullptr) != ARCHIVE_OK) {
    std::string error = archive_error_string(a) ? archive_error_string(a) : "archive_write_open failed";
    archive_write_free(a);
    return IoError(error);
  }
  Status failure;
  for (const std::string& file : files) {
    std::string full = dir + "/" + file;
    Result<std::string> data = fsutil::ReadFile(full);
    struct stat st;
    if (!data.ok() || lstat(full.c_str(), &st) != 0) {
      failure = data.ok() ? fsutil::ErrnoStatus("lstat", full, errno) : data.status();
      break;
    }
    // node-tar's portable mode: owner read/write, nothing writable by group or others.
    int mode = (static_cast<int>(st.st_mode & 07777) | 0600) & ~022;
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, ("package/" + file).c_str());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, mode);
    archive_entry_set_size(entry, static_cast<la_int64_t>(data->size()));
    archive_entry_set_mtime(entry, kPackMtime, 0);
    archive_entry_set_uid(entry, 0);
    archive_entry_set_gid(entry, 0);
    bool ok = archive_write_header(a, entry) == ARCHIVE_OK &&
              (data->empty() || archive_write_data(a, data->data(), data->size()) >= 0);
    archive_entry_free(entry);
    if (!ok) {
      failure = IoError(std::string("pack ") + file + ": " + (archive_error_string(a) ? archive_error_string(a) : "write failed"));
      break;
    }
    out.files.push_back({file, data->size(), mode});
    out.unpacked_size += data->size();
  }
  if (archive_write_close(a) != ARCHIVE_OK && failure.ok()) failure = IoError("pack: could not finish the tarball");
  archive_write_free(a);
  if (!failure.ok()) return failure;
  return out;
}

// npm's format-bytes.
std::string FormatBytes(size_t bytes, bool space) {
  const char* spacer = space ? " " : "";
  char buf[64];
  if (bytes < 1000) {
    std::snprintf(buf, sizeof(buf), "%zu%sB", bytes, spacer);
  } else if (bytes < 999950) {
    std::snprintf(buf, sizeof(buf), "%.1f%skB", bytes / 1000.0, spacer);
  } else if (bytes < 999950000) {
    std::snprintf(buf, sizeof(buf), "%.1f%sMB", bytes / 1000000.0, spacer);
  } else {
    std::snprintf(buf, sizeof(buf), "%.1f%sGB", bytes / 1000000000.0, spacer);
  }
  return buf;
}

void Notice(const std::string& text) {
  std::fprintf(stderr, "%s\n", text.empty() ? "skua notice" : ("skua notice " + text).c_str());
}

struct PackArgs {
  std::string folder = ".";
  std::string destination = ".";
  bool dry_run = false;
  bool json = false;
  std::vector<std::string> config_args;  // Other flags: npm configuration (--ignore-scripts).
};

Result<PackArgs> ParsePackArgs(const std::vector<std::string>& args) {
  PackArgs out;
  bool have_folder = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--dry-run") {
      out.dry_run = true;
    } else if (a == "--json") {
      out.json = true;
    } else if (a == "--pack-destination" && i + 1 < args.size()) {
      out.destination = args[++i];
    } else if (a.rfind("--pack-destination=", 0) == 0) {
      out.destination = a.substr(19);
    } else if (!a.empty() && a[0] != '-' && !have_folder) {
      out.folder = a;
      have_folder = true;
    } else if (a.rfind("--", 0) == 0 && a.size() > 2) {
      out.config_args.push_back(a);  // `--key` or `--key=value` only: a folder never follows.
    } else {
      return InvalidArgument("code EUSAGE\nUnknown argument to `skua pack`: " + a +
                             "\n\nUsage: skua pack [<folder>] [--dry-run] [--json] [--pack-destination <dir>]");
    }
  }
  return out;
}

// npm pack's scripts of the package folder: prepack and prepare before packing, postpack
// after, each alone (no pre/post of their own), output inherited, as libnpmpack runs them.
class PackScripts {
 public:
  Status Load(const std::string& dir, const std::vector<std::string>& config_args, std::string_view package_json) {
    dir_ = dir;
    std::string cwd = CurrentDir();
    Result<config::Config> config = LoadCommandConfig(cwd, config::ParseConfigArgs(config_args).settings);
    if (!config.ok()) return config.status();
    ignore_ = config->GetBool("ignore-scripts");
    Result<lockfile::JsonValue> doc = lockfile::ParseJson(package_json, "package.json");
    if (doc.ok()) pkg_ = std::move(doc).value();
    const lockfile::JsonValue* scripts = pkg_.Get("scripts");
    if (ignore_ || !scripts || !scripts->is_object() || scripts->members().empty()) return Status::Ok();
    Result<std::string> shim = PrepareNodeShim(dir);
    if (!shim.ok()) return shim.status();
    env_ = MakeScriptEnvironment(*config, "pack", cwd, dir, *shim);
    return Status::Ok();
  }

  // Runs `event` when the package has it; banner on stdout, or stderr under --json.
  Status Run(const std::string& event, bool json) {
    const lockfile::JsonValue* scripts = pkg_.Get("scripts");
    const lockfile::JsonValue* script = scripts ? scripts->Get(event) : nullptr;
    if (ignore_ || !script || !script->is_string() || script->str().empty()) return Status::Ok();
    ScriptCall call;
    call.package_dir = dir_;
    call.package_json_path = fsutil::JoinPath(dir_, "package.json");
    call.name = pkg_.GetString("name");
    call.version = pkg_.GetString("version");
    call.event = event;
    call.command = script->str();
    std::fprintf(json ? stderr : stdout, "\n> %s@%s %s\n> %s\n\n", call.name.c_str(), call.version.c_str(),
                 event.c_str(), call.command.c_str());
    std::fflush(json ? stderr : stdout);
    Result<int> code = RunScript(env_, call, nullptr);
    if (!code.ok()) return code.status();
    if (*code != 0) {
      return InvalidArgument("code " + std::to_string(*code) + "\npath " + dir_ + "\ncommand failed\ncommand sh -c " +
                             call.command);
    }
    return Status::Ok();
  }

 private:
  std::string dir_;
  bool ignore_ = false;
  lockfile::JsonValue pkg_ = lockfile::JsonValue::Object();
  ScriptEnvironment env_;
};

// What npm prints about a tarball (libnpmpack's getContents).
struct PackReport {
  std::string name, version, filename, shasum, integrity;
  const Tarball* tarball;
  std::vector<const PackedFile*> listing;  // npm's listing order.
  std::vector<std::string> bundled;
};

// JSON.stringify([item], null, 2) with npm's keys in npm's order.
void PrintJson(const PackReport& r) {
  auto quoted = [](std::string_view v) {
    std::string out;
    lockfile::AppendQuoted(v, &out);
    return out;
  };
  std::string j = "[\n  {\n";
  j += "    \"id\": " + quoted(r.name + "@" + r.version) + ",\n";
  j += "    \"name\": " + quoted(r.name) + ",\n";
  j += "    \"version\": " + quoted(r.version) + ",\n";
  j += "    \"size\": " + std::to_string(r.tarball->bytes.size()) + ",\n";
  j += "    \"unpackedSize\": " + std::to_string(r.tarball->unpacked_size) + ",\n";
  j += "    \"shasum\": " + quoted(r.shasum) + ",\n";
  j += "    \"integrity\": " + quoted(r.integrity) + ",\n";
  j += "    \"filename\": " + quoted(r.filename) + ",\n";
  j += "    \"files\": [";
  for (size_t i = 0; i < r.listing.size(); ++i) {
    const PackedFile& f = *r.listing[i];
    j += std::string(i ? "," : "") + "\n      {\n        \"path\": " + quoted(f.path) + ",\n        \"size\": " +
         std::to_string(f.size) + ",\n        \"mode\": " + std::to_string(f.mode) + "\n      }";
  }
  j += r.listing.empty() ? "],\n" : "\n    ],\n";
  j += "    \"entryCount\": " + std::to_string(r.tarball->files.size()) + ",\n";
  j += "    \"bundled\": [";
  for (size_t i = 0; i < r.bundled.size(); ++i) j += std::string(i ? "," : "") + "\n      " + quoted(r.bundled[i]);
  j += r.bundled.empty() ? "]\n  }\n]\n" : "\n    ]\n  }\n]\n";
  std::fputs(j.c_str(), stdout);
}

// npm's logTar notice on stderr, then the file name on stdout.
void PrintNotice(const PackReport& r) {
  Notice("");
  Notice("📦  " + r.name + "@" + r.version);
  Notice("Tarball Contents");
  for (const PackedFile* f : r.listing) {
    if (f->path.rfind("node_modules/", 0) != 0) Notice(FormatBytes(f->size, false) + " " + f->path);
  }
  if (!r.bundled.empty()) {
    Notice("Bundled Dependencies");
    for (const std::string& b : r.bundled) Notice(b);
  }
  Notice("Tarball Details");
  Notice("name: " + r.name);
  Notice("version: " + r.version);
  Notice("filename: " + r.filename);
  Notice("package size: " + FormatBytes(r.tarball->bytes.size(), true));
  Notice("unpacked size: " + FormatBytes(r.tarball->unpacked_size, true));
  Notice("shasum: " + r.shasum);
  Notice("integrity: " + r.integrity.substr(0, 20) + "[...]" + (r.integrity.size() > 80 ? r.integrity.substr(80) : ""));
  if (!r.bundled.empty()) {
    // npm's figures: its entry count and file count are the same number.
    Notice("bundled deps: " + std::to_string(r.bundled.size()));
    Notice("bundled files: 0");
    Notice("own files: " + std::to_string(r.tarball->files.size()));
  }
  Notice("total files: " + std::to_string(r.tarball->files.size()));
  Notice("");
  std::printf("%s\n", r.filename.c_str());
}

}  // namespace

int RunPackCommand(const std::string& command, const std::vector<std::string>& args) {
  auto fail = [](const std::string& message) {
    for (size_t start = 0; start <= message.size();) {
      size_t end = message.find('\n', start);
      if (end == std::string::npos) end = message.size();
      std::fprintf(stderr, "skua error %s\n", message.substr(start, end - start).c_str());
      start = end + 1;
    }
    return 1;
  };
  Result<PackArgs> parsed = ParsePackArgs(args);
  if (!parsed.ok()) return fail(parsed.status().message());
  std::string dir = parsed->folder;
  std::string package_path = dir + "/package.json";
  Result<std::string> text = fsutil::ReadFile(package_path);
  if (!text.ok()) return fail("code ENOENT\nCould not read package.json: " + text.status().message());
  if (std::string where = DescribeJsonError(*text); !where.empty()) {
    return fail("code EJSONPARSE\nInvalid package.json " + package_path + ": " + where);
  }
  Result<lockfile::JsonValue> doc = lockfile::ParseJson(*text, package_path);
  if (!doc.ok()) return fail(doc.status().message());
  std::string name = doc->GetString("name"), version = doc->GetString("version");
  if (name.empty() || version.empty()) return fail("Invalid package, must have name and version");

  PackScripts scripts;
  if (Status loaded = scripts.Load(dir, parsed->config_args, *text); !loaded.ok()) return fail(loaded.message());
  for (const char* event : {"prepack", "prepare"}) {
    if (Status ran = scripts.Run(event, parsed->json); !ran.ok()) return fail(ran.message());
  }
  // The scripts may have rewritten package.json (version bumps, generated fields).
  if (Result<std::string> again = fsutil::ReadFile(package_path); again.ok() && *again != *text) {
    text = std::move(again);
    if (std::string where = DescribeJsonError(*text); !where.empty()) {
      return fail("code EJSONPARSE\nInvalid package.json " + package_path + ": " + where);
    }
    doc = lockfile::ParseJson(*text, package_path);
    if (!doc.ok()) return fail(doc.status().message());
    name = doc->GetString("name");
    version = doc->GetString("version");
  }

  Result<std::vector<std::string>> files = PackFiles(dir, *text);
  if (!files.ok()) return fail(files.status().message());
  Result<Tarball> tarball = MakeTarball(dir, *files);
  if (!tarball.ok()) return fail(tarball.status().message());

  fetch::Hasher sha1(fetch::HashAlgorithm::kSha1), sha512(fetch::HashAlgorithm::kSha512);
  sha1.Update(tarball->bytes.data(), tarball->bytes.size());
  sha512.Update(tarball->bytes.data(), tarball->bytes.size());
  std::string shasum = fetch::ToHex(sha1.Finish());
  std::string integrity = fetch::ToSri(fetch::HashAlgorithm::kSha512, sha512.Finish());
  std::string filename = name;
  if (!filename.empty() && filename[0] == '@') filename = filename.substr(1);
  if (size_t slash = filename.find('/'); slash != std::string::npos) filename[slash] = '-';
  filename += "-" + version + ".tgz";

  // As libnpmpack: the file is written and postpack has run before anything is printed.
  if (!parsed->dry_run) {
    std::string out = fsutil::JoinPath(parsed->destination, filename);
    if (Status wrote = fsutil::WriteFileAtomic(out, tarball->bytes); !wrote.ok()) return fail(wrote.message());
  }
  if (Status ran = scripts.Run("postpack", parsed->json); !ran.ok()) return fail(ran.message());

  PackReport report{name, version, filename, shasum, integrity, &*tarball, {}, {}};
  std::map<std::string, const PackedFile*> by_path;
  std::vector<std::string> paths;
  for (const PackedFile& f : tarball->files) {
    by_path[f.path] = &f;
    paths.push_back(f.path);
    // Bundled packages in tarball order, as npm collects them from the entries.
    if (f.path.rfind("node_modules/", 0) != 0) continue;
    std::string rest = f.path.substr(13);
    size_t slash = rest.find('/');
    if (!rest.empty() && rest[0] == '@' && slash != std::string::npos) slash = rest.find('/', slash + 1);
    std::string bundle = rest.substr(0, slash);
    if (std::find(report.bundled.begin(), report.bundled.end(), bundle) == report.bundled.end()) {
      report.bundled.push_back(bundle);
    }
  }
  for (const std::string& path : ContentsOrder(std::move(paths))) report.listing.push_back(by_path[path]);
  if (parsed->json) {
    PrintJson(report);
  } else {
    PrintNotice(report);
  }
  return 0;
}

Result<std::string> PackFolderTarball(const std::string& dir) {
  Result<std::string> package_json = fsutil::ReadFile(dir + "/package.json");
  if (!package_json.ok()) return package_json.status();
  Result<std::vector<std::string>> files = PackFiles(dir, *package_json);
  if (!files.ok()) return files.status();
  Result<Tarball> tarball = MakeTarball(dir, *files);
  if (!tarball.ok()) return tarball.status();
  return std::move(tarball->bytes);
}

}  // namespace skua::pm::cli
