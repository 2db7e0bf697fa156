#include "pm/cli/init_command.h"

#include <dirent.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "pm/cli/package_json_edit.h"
#include "pm/cli/scripts.h"
#include "pm/fsutil/fsutil.h"

namespace skua::pm::cli {

namespace {

using lockfile::JsonValue;

// init-package-json's default name: the folder's name without a `node-` prefix or a
// `.js`/`-js` suffix, lower-cased, with characters a package name cannot hold replaced.
std::string NameFromFolder(const std::string& dir) {
  std::string name = dir.substr(dir.rfind('/') + 1);
  if (name.rfind("node-", 0) == 0) name.erase(0, 5);
  if (name.size() > 3 && (name.compare(name.size() - 3, 3, ".js") == 0 ||
                          name.compare(name.size() - 3, 3, "-js") == 0)) {
    name.resize(name.size() - 3);
  }
  for (char& c : name) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-' && c != '~') {
      c = '-';
    }
  }
  while (!name.empty() && (name[0] == '.' || name[0] == '_')) name.erase(0, 1);
  return name.empty() ? "package" : name;
}

// index.js when present, else the first .js file of the folder, else index.js.
std::string DefaultMain(const std::string& dir) {
  if (fsutil::Exists(fsutil::JoinPath(dir, "index.js"))) return "index.js";
  std::vector<std::string> scripts;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name.size() > 3 && name.compare(name.size() - 3, 3, ".js") == 0) scripts.push_back(name);
    }
    closedir(d);
  }
  std::sort(scripts.begin(), scripts.end());
  return scripts.empty() ? "index.js" : scripts.front();
}

}  // namespace

int RunInitCommand(const std::string& /*command*/, const std::vector<std::string>& args) {
  for (const std::string& arg : args) {
    if (arg != "-y" && arg != "--yes" && arg != "-f" && arg != "--force") {
      std::fprintf(stderr, "skua error unknown argument `%s` (skua init takes -y only)\n", arg.c_str());
      return 1;
    }
  }
  // Differs from npm: no questionnaire; `skua init` always answers with the defaults.
  std::string dir = CurrentDir();
  std::string path = fsutil::JoinPath(dir, "package.json");
  std::string text = "{}";
  bool existed = fsutil::Exists(path);
  if (existed) {
    Result<std::string> read = fsutil::ReadFile(path);
    if (!read.ok()) {
      std::fprintf(stderr, "skua error %s\n", read.status().message().c_str());
      return 1;
    }
    text = std::move(read).value();
  }
  Result<PackageJsonEditor> editor = PackageJsonEditor::Parse(text, path);
  if (!editor.ok()) {
    for (size_t start = 0; start <= editor.status().message().size();) {
      const std::string& m = editor.status().message();
      size_t end = std::min(m.find('\n', start), m.size());
      std::fprintf(stderr, "skua error %s\n", m.substr(start, end - start).c_str());
      start = end + 1;
    }
    return 1;
  }
  PackageJsonEditor pj = std::move(editor).value();
  const JsonValue& doc = pj.document();
  auto add = [&](const char* key, JsonValue value) {
    if (doc.Get(key) == nullptr) pj.SetKey(key, std::move(value));
  };
  add("name", JsonValue::String(NameFromFolder(dir)));
  add("version", JsonValue::String("1.0.0"));
  add("description", JsonValue::String(""));
  add("main", JsonValue::String(DefaultMain(dir)));
  if (doc.Get("scripts") == nullptr) {
    JsonValue scripts = JsonValue::Object();
    scripts.Set("test", JsonValue::String("echo \"Error: no test specified\" && exit 1"));
    pj.SetKey("scripts", std::move(scripts));
  }
  add("keywords", JsonValue::Array());
  add("author", JsonValue::String(""));
  add("license", JsonValue::String("ISC"));
  add("type", JsonValue::String("commonjs"));
  std::string bytes = pj.Serialize();
  if (!existed || bytes != text) {
    if (Status wrote = fsutil::WriteFileAtomic(path, bytes); !wrote.ok()) {
      std::fprintf(stderr, "skua error %s\n", wrote.message().c_str());
      return 1;
    }
  }
  std::printf("Wrote to %s:\n\n%s\n\n", path.c_str(), StringifyJson(pj.document(), "  ").c_str());
  return 0;
}

}  // namespace skua::pm::cli
