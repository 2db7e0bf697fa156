// `skua link`: global registration of a package folder and project links to it.
#include "pm/cli/link_command.h"

#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <optional>

#include "pm/cli/json_error.h"
#include "pm/config/cli_args.h"
#include "pm/config/config.h"
#include "pm/fsutil/fsutil.h"
#include "pm/lockfile/json_value.h"
#include "pm/link/bin_links.h"
#include "pm/spec/package_name.h"

namespace skua::pm::cli {

namespace {

using fsutil::JoinPath;

struct Failure {
  std::string message;
};

std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The relative path from folder `from` to `to`, both absolute.
std::string Relative(const std::string& from, const std::string& to) {
  std::vector<std::string> a = Segments(from), b = Segments(to);
  size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  std::string out;
  for (size_t i = common; i < a.size(); ++i) out += out.empty() ? ".." : "/..";
  for (size_t i = common; i < b.size(); ++i) out += (out.empty() ? "" : "/") + b[i];
  return out.empty() ? "." : out;
}

// Replaces whatever is at `path` with a symlink to `target`, through a temporary name.
Status PlaceSymlink(const std::string& path, const std::string& target) {
  std::string parent = path.substr(0, path.rfind('/'));
  if (Status made = fsutil::MakeDirs(parent); !made.ok()) return made;
  struct stat st;
  if (lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    if (Status removed = fsutil::RemoveTree(path); !removed.ok()) return removed;
  }
  std::string temp = JoinPath(parent, fsutil::UniqueName(".skua-link-"));
  if (symlink(target.c_str(), temp.c_str()) != 0) return fsutil::ErrnoStatus("symlink", temp, errno);
  if (rename(temp.c_str(), path.c_str()) != 0) {
    int err = errno;
    unlink(temp.c_str());
    return fsutil::ErrnoStatus("rename", path, err);
  }
  return Status::Ok();
}

struct Package {
  std::string dir;  // Real path.
  std::string name;
  std::string json;
};

std::optional<Failure> ReadPackage(const std::string& dir, Package* out) {
  std::string path = JoinPath(dir, "package.json");
  Result<std::string> text = fsutil::ReadFile(path);
  if (!text.ok()) return Failure{"code ENOENT\nCould not read package.json: " + text.status().message()};
  if (std::string where = DescribeJsonError(*text); !where.empty()) {
    return Failure{"code EJSONPARSE\nInvalid package.json " + path + ": " + where};
  }
  Result<lockfile::JsonValue> doc = lockfile::ParseJson(*text, path);
  if (!doc.ok()) return Failure{doc.status().message()};
  out->name = doc->GetString("name");
  if (out->name.empty()) return Failure{"code EINVALIDPACKAGENAME\nPackage in " + dir + " has no name to link it by"};
  spec::NameValidation valid = spec::ValidatePackageName(out->name);
  if (!valid.valid_for_old_packages()) {
    return Failure{"code EINVALIDPACKAGENAME\nInvalid package name \"" + out->name + "\": " + valid.errors[0]};
  }
  out->dir = fsutil::RealPath(dir);
  out->json = std::move(text).value();
  return std::nullopt;
}

// Links the package's bins into `bin_dir` through `linked_dir` (the package's link).
std::optional<Failure> LinkBins(const std::string& bin_dir, const std::string& linked_dir, const Package& p) {
  Result<std::vector<link::BinEntry>> bins = link::ReadBins(p.json, {});
  if (!bins.ok()) return Failure{bins.status().message()};
  if (bins->empty()) return std::nullopt;
  link::BinLinker linker;
  Result<link::BinLinker::Outcome> linked = linker.Link(bin_dir, linked_dir, *bins);
  if (!linked.ok()) return Failure{linked.status().message()};
  return std::nullopt;
}

class Linker {
 public:
  std::optional<Failure> Run(const std::vector<std::string>& args);

 private:
  std::string GlobalDir(const std::string& name) const { return JoinPath(prefix_, "lib/node_modules/" + name); }
  std::optional<Failure> LinkGlobally(const Package& p);

  std::optional<config::Config> config_;
  std::string prefix_;
};

std::optional<Failure> Linker::LinkGlobally(const Package& p) {
  std::string global = GlobalDir(p.name);
  std::string parent = global.substr(0, global.rfind('/'));
  if (Status made = fsutil::MakeDirs(parent); !made.ok()) return Failure{made.message()};
  if (Status placed = PlaceSymlink(global, Relative(fsutil::RealPath(parent), p.dir)); !placed.ok()) {
    return Failure{placed.message()};
  }
  if (auto failed = LinkBins(JoinPath(prefix_, "bin"), global, p)) return failed;
  std::printf("%s -> %s\n", global.c_str(), p.dir.c_str());
  return std::nullopt;
}

std::optional<Failure> Linker::Run(const std::vector<std::string>& args) {
  config::ConfigArgs parsed = config::ParseConfigArgs(args);
  char buf[4096];
  std::string cwd = getcwd(buf, sizeof(buf)) ? buf : ".";
  config::LoadOptions load;
  load.cwd = cwd;
  load.env = config::EnvironmentFromProcess();
  load.cli = parsed.settings;
  Result<config::Config> config = config::Config::Load(load);
  if (!config.ok()) return Failure{config.status().message()};
  config_.emplace(std::move(config).value());
  if (config_->GetBool("global")) {
    return Failure{"code ELINKGLOBAL\nlink should never be --global.\nPlease re-run this command with --local"};
  }
  // The same prefix as `skua add -g`: npm's `prefix` when configured, else ~/.skua/global.
  // Differs from npm: npm's default is the folder above node's bin.
  const config::ConfigValue* prefix = config_->Find("prefix");
  prefix_ = prefix != nullptr && prefix->layer != config::Layer::kDefault && !prefix->items.empty()
                ? prefix->items[0]
                : JoinPath(config_->home(), ".skua/global");
  std::string project_dir = config_->project_dir();

  if (parsed.positional.empty()) {
    Package p;
    if (auto failed = ReadPackage(project_dir, &p)) return failed;
    if (auto failed = LinkGlobally(p)) return failed;
    std::printf("linked %s globally; its bins are in %s\n", p.name.c_str(), JoinPath(prefix_, "bin").c_str());
    return std::nullopt;
  }

  for (const std::string& arg : parsed.positional) {
    Package p;
    bool is_path = arg.rfind(".", 0) == 0 || arg.rfind("/", 0) == 0 || arg.rfind("~/", 0) == 0 ||
                   (arg.find('/') != std::string::npos && arg[0] != '@');
    if (is_path) {
      std::string dir = arg.rfind("~/", 0) == 0 ? JoinPath(config_->home(), arg.substr(2))
                        : arg[0] == '/'        ? arg
                                               : JoinPath(cwd, arg);
      if (auto failed = ReadPackage(dir, &p)) return failed;
      if (auto failed = LinkGlobally(p)) return failed;
    } else {
      std::string name = arg.substr(0, arg.find('@', 1));
      std::string global = GlobalDir(name);
      if (!fsutil::Exists(global)) {
        // Differs from npm: npm installs a missing package globally from the registry
        // first; skua asks for `skua link` in the package's folder.
        return Failure{"code E404\n" + name + " is not linked globally (" + global +
                       " does not exist).\nRun `skua link` in the package's folder first."};
      }
      if (auto failed = ReadPackage(global, &p)) return failed;
    }
    std::string local = JoinPath(project_dir, "node_modules/" + p.name);
    std::string parent = local.substr(0, local.rfind('/'));
    if (Status made = fsutil::MakeDirs(parent); !made.ok()) return Failure{made.message()};
    if (Status placed = PlaceSymlink(local, Relative(fsutil::RealPath(parent), p.dir)); !placed.ok()) {
      return Failure{placed.message()};
    }
    if (auto failed = LinkBins(JoinPath(project_dir, "node_modules/.bin"), local, p)) return failed;
    std::printf("%s -> %s\n", local.c_str(), p.dir.c_str());
  }
  return std::nullopt;
}

}  // namespace

int RunLinkCommand(const std::string& command, const std::vector<std::string>& args) {
  Linker linker;
  if (std::optional<Failure> failed = linker.Run(args)) {
    const std::string& m = failed->message;
    for (size_t start = 0; start <= m.size();) {
      size_t end = m.find('\n', start);
      if (end == std::string::npos) end = m.size();
      std::fprintf(stderr, "skua error %s\n", m.substr(start, end - start).c_str());
      start = end + 1;
    }
    return 1;
  }
  return 0;
}

}  // namespace skua::pm::cli
