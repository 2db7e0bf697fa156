// Loading and reading npm's configuration layers.
#include "pm/config/config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "base/iso_time.h"
#include "base/url/url.h"
#include "pm/config/auth.h"
#include "pm/config/definitions.h"

namespace skua::pm::config {
namespace {

std::string Dirname(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// path.resolve's normalisation of an absolute path: no `.`, `..` or empty segments.
std::string Normalize(const std::string& path) {
  std::vector<std::string> parts;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t end = path.find('/', pos);
    if (end == std::string::npos) end = path.size();
    std::string part = path.substr(pos, end - pos);
    pos = end + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(std::move(part));
  }
  std::string out;
  for (const std::string& part : parts) out += "/" + part;
  return out.empty() ? "/" : out;
}

enum class ReadOutcome { kRead, kMissing, kFailed };

ReadOutcome ReadWholeFile(const std::string& path, std::string* out, int* err) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *err = errno;
    return errno == ENOENT || errno == ENOTDIR ? ReadOutcome::kMissing : ReadOutcome::kFailed;
  }
  char buffer[16384];
  while (true) {
    ssize_t n = read(fd, buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *err = errno;
      close(fd);
      return ReadOutcome::kFailed;
    }
    if (n == 0) break;
    out->append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return ReadOutcome::kRead;
}

bool ParseNumber(std::string_view text, double* out) {
  std::string copy(text);
  if (copy.empty()) return false;
  char* end = nullptr;
  double value = std::strtod(copy.c_str(), &end);
  while (end != nullptr && (*end == ' ' || *end == '\t')) ++end;
  if (end == nullptr || *end != '\0' || !std::isfinite(value)) return false;
  *out = value;
  return true;
}

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e + 1 - b);
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string_view LayerName(Layer layer) {
  static constexpr std::string_view kNames[] = {"default", "builtin", "global", "user",
                                                "project", "env",     "cli"};
  return kNames[static_cast<size_t>(layer)];
}

std::string FindProjectDir(const std::string& cwd) {
  std::string dir = Normalize(cwd);
  while (true) {
    struct stat st;
    if (stat((dir + "/package.json").c_str(), &st) == 0 ||
        (stat((dir + "/node_modules").c_str(), &st) == 0 && S_ISDIR(st.st_mode))) {
      return dir;
    }
    if (dir == "/") return Normalize(cwd);
    dir = Dirname(dir);
  }
}

std::string Config::ExpandPath(const std::string& value) const {
  if (value.starts_with("~/") && !home_.empty()) return Normalize(home_ + "/" + value.substr(2));
  if (value.starts_with("/")) return Normalize(value);
  return Normalize(cwd_ + "/" + value);
}

// @npmcli/config's parseField followed by nopt's validation of the key's type.
void Config::Set(Layer layer, const std::string& source, const std::string& raw_key,
                 std::vector<std::string> raw_values) {
  std::string key = EnvReplace(raw_key, env_);
  const Definition* definition = FindDefinition(key);
  ValueType type = definition ? definition->type : ValueType::kString;
  ConfigValue value;
  value.layer = layer;
  value.source = source;
  if (type == ValueType::kList) {
    for (const std::string& raw : raw_values) {
      std::string_view rest = raw;
      while (true) {  // Environment and single values may hold several, "\n\n"-separated.
        size_t sep = rest.find("\n\n");
        std::string item = EnvReplace(Trim(rest.substr(0, sep)), env_);
        value.items.push_back(std::move(item));
        if (sep == std::string_view::npos) break;
        rest = rest.substr(sep + 2);
      }
    }
  } else {
    std::string text(Trim(raw_values.empty() ? std::string() : raw_values.back()));
    bool stringish = type == ValueType::kString || type == ValueType::kPath;
    if (type == ValueType::kBoolean && text.empty()) text = "true";
    if (!stringish && type != ValueType::kNumber && text == "null") {
      value.is_null = true;
      layers_[static_cast<size_t>(layer)].values[key] = std::move(value);
      return;
    }
    text = EnvReplace(text, env_);
    std::string problem;
    switch (type) {
      case ValueType::kBoolean: {
        double number = 0;
        if (ParseNumber(text, &number)) text = number != 0 ? "true" : "false";
        else text = (text == "false" || text == "null") ? "false" : "true";
        break;
      }
      case ValueType::kNumber: {
        double number = 0;
        if (!ParseNumber(text, &number)) problem = "must be a number";
        break;
      }
      case ValueType::kPath:
        if (!text.empty()) text = ExpandPath(text);
        break;
      case ValueType::kUrl: {
        if (definition->allows_false && text == "false") break;
        Result<url::Url> parsed = url::Parse(text);
        if (!parsed.ok() || !parsed->host || parsed->host->empty()) {
          problem = "must be a full url with \"http://\"";
        }
        break;
      }
      case ValueType::kDate:
        // nopt drops a date Date.parse cannot read, with this warning (skua reads the
        // ISO 8601 forms only).
        if (!ParseIsoTime(text)) problem = "must be a valid date string";
        break;
      case ValueType::kString:
      case ValueType::kList:
        break;
    }
    if (!problem.empty()) {
      warnings_.push_back("invalid config " + key + "=\"" + text + "\" set in " + source +
                          ": " + problem);
      return;
    }
    value.items.push_back(std::move(text));
  }
  layers_[static_cast<size_t>(layer)].values[key] = std::move(value);
}

Status Config::LoadFile(Layer layer, const std::string& path) {
  layers_[static_cast<size_t>(layer)].file = path;
  std::string text;
  int err = 0;
  switch (ReadWholeFile(path, &text, &err)) {
    case ReadOutcome::kMissing:
      return Status::Ok();
    case ReadOutcome::kFailed:
      warnings_.push_back("error loading " + std::string(LayerName(layer)) + " config " +
                          path + ": " + std::strerror(err));
      return Status::Ok();
    case ReadOutcome::kRead:
      break;
  }
  for (IniEntry& entry : ParseIni(text)) {
    Set(layer, path, entry.key, std::move(entry.values));
  }
  return Status::Ok();
}

Status Config::CheckAuthKeys() const {
  std::vector<std::string> problems;
  std::optional<std::string> registry = GetString("registry");
  std::string nerfed = "//<registry host>/";
  if (registry) {
    Result<std::string> dart = NerfDart(*registry);
    if (dart.ok()) nerfed = *dart;
  }
  for (Layer layer : {Layer::kGlobal, Layer::kUser, Layer::kProject}) {
    const auto& values = layers_[static_cast<size_t>(layer)].values;
    std::string where(LayerName(layer));
    auto has = [&](const char* key) {
      auto found = values.find(key);
      return found != values.end() && !found->second.is_null && !found->second.items.empty() &&
             !found->second.items.front().empty();
    };
    for (const char* key : {"_authtoken", "-authtoken"}) {
      if (has(key)) problems.push_back(std::string("`") + key + "` is not allowed in " + where + " config");
    }
    for (const char* key : {"_auth", "_authToken", "username", "_password"}) {
      if (!has(key)) continue;
      bool lonely = (std::strcmp(key, "username") == 0 && !has("_password")) ||
                    (std::strcmp(key, "_password") == 0 && !has("username"));
      if (lonely) {
        problems.push_back(std::string("`") + key + "` is not allowed in " + where + " config");
      } else {
        problems.push_back(std::string("`") + key + "` must be renamed to `" + nerfed + ":" +
                           key + "` in " + where + " config");
      }
    }
  }
  if (problems.empty()) return Status::Ok();
  std::string message = "ERR_INVALID_AUTH: Invalid auth configuration found: ";
  for (size_t i = 0; i < problems.size(); ++i) message += (i ? ", " : "") + problems[i];
  message += "\nPlease run `npm config fix` to repair your configuration.";
  return InvalidArgument(std::move(message));
}

Result<Config> Config::Load(const LoadOptions& options) {
  Config config;
  config.env_ = options.env;
  config.cwd_ = options.cwd.empty() ? "/" : Normalize(options.cwd);
  auto env = [&](const char* name) -> std::string {
    auto found = options.env.find(name);
    return found == options.env.end() ? std::string() : found->second;
  };
  config.home_ = env("HOME");

  // Defaults, with npm's global prefix: $PREFIX, else two levels above the executable.
  std::string prefix = env("PREFIX");
  if (prefix.empty() && !options.exec_path.empty()) {
    prefix = Dirname(Dirname(options.exec_path));
    if (!env("DESTDIR").empty()) prefix = Normalize(env("DESTDIR") + "/" + prefix);
  }
  for (const Definition& definition : AllDefinitions()) {
    if (definition.default_value != nullptr) {
      config.Set(Layer::kDefault, "default values", std::string(definition.key),
                 {definition.default_value});
    }
  }
  if (!prefix.empty()) config.Set(Layer::kDefault, "default values", "prefix", {prefix});

  if (!options.builtin_config.empty()) config.LoadFile(Layer::kBuiltin, options.builtin_config);

  // Command line: a list key given several times collects every value.
  std::map<std::string, std::vector<std::string>> cli;
  std::vector<std::string> cli_order;
  for (const auto& [key, value] : options.cli) {
    if (!cli.count(key)) cli_order.push_back(key);
    cli[key].push_back(value);
  }
  for (const std::string& key : cli_order) {
    config.Set(Layer::kCli, "command line options", key, cli[key]);
  }

  // Environment: npm_config_* in any case; `_` after the first character becomes `-` and
  // the key is lower-cased, except nerf-darted keys, which are taken as written.
  for (const auto& [name, value] : options.env) {
    if (name.size() <= 11 || LowerAscii(name.substr(0, 11)) != "npm_config_" || value.empty()) {
      continue;
    }
    std::string key = name.substr(11);
    if (!key.starts_with("//")) {
      for (size_t i = 1; i < key.size(); ++i) {
        if (key[i] == '_') key[i] = '-';
      }
      key = LowerAscii(key);
    }
    config.Set(Layer::kEnv, "environment", key, {value});
  }

  // `--prefix` on the command line names the project directory too, as in npm.
  const auto& cli_values = config.layers_[static_cast<size_t>(Layer::kCli)].values;
  auto cli_prefix = cli_values.find("prefix");
  if (cli_prefix != cli_values.end() && !cli_prefix->second.items.empty()) {
    config.project_dir_ = cli_prefix->second.items.front();
  } else if (!options.project_dir.empty()) {
    config.project_dir_ = Normalize(options.project_dir);
  } else {
    config.project_dir_ = FindProjectDir(config.cwd_);
  }

  auto user_file = [&]() -> std::string {
    std::optional<std::string> path = config.GetString("userconfig");
    if (path) return *path;
    return config.home_.empty() ? std::string() : Normalize(config.home_ + "/.npmrc");
  };
  if (!config.GetBool("global")) {
    std::string project_file = config.project_dir_ + "/.npmrc";
    if (project_file != user_file()) config.LoadFile(Layer::kProject, project_file);
  }
  std::string user = user_file();
  if (!user.empty()) config.LoadFile(Layer::kUser, user);
  std::optional<std::string> global = config.GetString("globalconfig");
  if (!global) {
    std::optional<std::string> configured_prefix = config.GetString("prefix");
    if (configured_prefix && !configured_prefix->empty()) {
      global = Normalize(*configured_prefix + "/etc/npmrc");
    }
  }
  if (global) config.LoadFile(Layer::kGlobal, *global);

  Status auth = config.CheckAuthKeys();
  if (!auth.ok()) return auth;
  return config;
}

Result<Config> Config::FromLayers(
    const std::vector<std::pair<Layer, std::vector<std::pair<std::string, std::string>>>>& layers,
    const Environment& env) {
  Config config;
  config.env_ = env;
  config.cwd_ = "/";
  auto home = env.find("HOME");
  if (home != env.end()) config.home_ = home->second;
  for (const Definition& definition : AllDefinitions()) {
    if (definition.default_value != nullptr) {
      config.Set(Layer::kDefault, "default values", std::string(definition.key),
                 {definition.default_value});
    }
  }
  for (const auto& [layer, values] : layers) {
    for (const auto& [key, value] : values) {
      config.Set(layer, std::string(LayerName(layer)), key, {value});
    }
  }
  Status auth = config.CheckAuthKeys();
  if (!auth.ok()) return auth;
  return config;
}

const ConfigValue* Config::Find(std::string_view key) const {
  for (size_t i = kLayerCount; i-- > 0;) {
    auto found = layers_[i].values.find(key);
    if (found == layers_[i].values.end()) continue;
    if (found->second.is_null || found->second.items.empty()) return nullptr;
    return &found->second;
  }
  return nullptr;
}

std::optional<std::string> Config::GetString(std::string_view key) const {
  const ConfigValue* value = Find(key);
  if (value == nullptr) return std::nullopt;
  return value->items.back();
}

bool Config::GetBool(std::string_view key) const {
  std::optional<std::string> text = GetString(key);
  return text && *text == "true";
}

double Config::GetNumber(std::string_view key) const {
  double number = 0;
  std::optional<std::string> text = GetString(key);
  if (text && ParseNumber(*text, &number)) return number;
  return 0;
}

std::vector<std::string> Config::GetList(std::string_view key) const {
  const ConfigValue* value = Find(key);
  return value == nullptr ? std::vector<std::string>() : value->items;
}

std::vector<std::string> Config::Omit() const {
  std::vector<std::string> omit;
  if (Find("omit") != nullptr) {
    omit = GetList("omit");
  } else {
    auto node_env = env_.find("NODE_ENV");
    if (node_env != env_.end() && node_env->second == "production") omit.push_back("dev");
  }
  std::vector<std::string> include = GetList("include");
  std::optional<std::string> production = GetString("production");
  if (production == "true") omit.push_back("dev");
  if (production == "false") include.push_back("dev");
  std::sort(omit.begin(), omit.end());
  omit.erase(std::unique(omit.begin(), omit.end()), omit.end());
  std::erase_if(omit, [&](const std::string& type) {
    return std::find(include.begin(), include.end(), type) != include.end();
  });
  return omit;
}

std::map<std::string, std::string> Config::Flatten() const {
  std::map<std::string, std::string> flat;
  for (const LayerData& layer : layers_) {
    for (const auto& [key, value] : layer.values) {
      if (value.is_null || value.items.empty()) {
        flat.erase(key);
        continue;
      }
      std::string joined;
      for (size_t i = 0; i < value.items.size(); ++i) joined += (i ? "\n\n" : "") + value.items[i];
      flat[key] = std::move(joined);
    }
  }
  return flat;
}

const std::string& Config::SourceFile(Layer layer) const {
  return layers_[static_cast<size_t>(layer)].file;
}

}  // namespace skua::pm::config
