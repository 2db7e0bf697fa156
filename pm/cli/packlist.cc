// npm-packlist's walk: per folder, rule sets in ignore-walk's order, each rule able to
// flip an entry's inclusion; a folder's entries must also pass its parent's rules.
#include "pm/cli/packlist.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>
#include <optional>

#include "pm/fsutil/fsutil.h"
#include "pm/glob/glob.h"
#include "pm/lockfile/collate.h"
#include "pm/lockfile/json_value.h"
#include "pm/lockfile/lockfile.h"

namespace skua::pm::cli {

namespace {

std::vector<std::string> SplitKeepEmpty(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t at = s.find('/', start);
    out.emplace_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// One path segment against one pattern segment, case-insensitively; dots are ordinary
// (minimatch's `dot`).
bool SegmentMatch(std::string_view pat, std::string_view name) {
  return glob::MatchSegment(pat, name, {.ignore_case = true, .dot = true});
}

// minimatch's matchOne.
bool MatchOne(const std::vector<std::string>& file, size_t fi, const std::vector<std::string>& pat, size_t pi,
              bool partial) {
  for (; fi < file.size() && pi < pat.size(); ++fi, ++pi) {
    if (pat[pi] == "**") {
      if (pi + 1 == pat.size()) {
        for (size_t k = fi; k < file.size(); ++k) {
          if (file[k] == "." || file[k] == "..") return false;
        }
        return true;
      }
      size_t k = fi;
      for (; k < file.size(); ++k) {
        if (MatchOne(file, k, pat, pi + 1, partial)) return true;
        if (file[k] == "." || file[k] == "..") break;
      }
      // In partial mode a globstar that swallowed the whole path may still match below it.
      return partial && k == file.size();
    }
    if (!SegmentMatch(pat[pi], file[fi])) return false;
  }
  if (fi == file.size() && pi == pat.size()) return true;
  if (fi == file.size()) return partial;
  return fi + 1 == file.size() && file[fi].empty();
}

}  // namespace

IgnoreRule::IgnoreRule(std::string_view line) {
  size_t bangs = 0;
  while (bangs < line.size() && line[bangs] == '!') ++bangs;
  negate_ = bangs % 2 == 1;
  // minimatch reads "a//b" as "a/b" (files entries "lib/" become "lib//**").
  std::string pattern;
  for (char c : line.substr(bangs)) {
    if (c != '/' || pattern.empty() || pattern.back() != '/') pattern += c;
  }
  for (const std::string& alt : glob::ExpandBraces(pattern)) alternatives_.push_back(SplitKeepEmpty(alt));
}

bool IgnoreRule::Match(std::string_view path, bool partial) const {
  std::vector<std::string> file = SplitKeepEmpty(path);
  for (const std::vector<std::string>& pat : alternatives_) {
    if (pat.size() == 1) {  // matchBase: the last non-empty segment.
      std::string base;
      for (size_t i = file.size(); base.empty() && i > 0; --i) base = file[i - 1];
      if (MatchOne({base}, 0, pat, 0, partial)) return true;
    } else if (MatchOne(file, 0, pat, 0, partial)) {
      return true;
    }
  }
  return false;
}

namespace {

const char* const kDefaults[] = {
    ".npmignore", ".gitignore", "**/.git", "**/.svn", "**/.hg", "**/CVS", "**/.git/**", "**/.svn/**",
    "**/.hg/**", "**/CVS/**", "/.lock-wscript", "/.wafpickle-*", "/build/config.gypi", "npm-debug.log",
    "**/.npmrc", ".*.swp", ".DS_Store", "**/.DS_Store/**", "._*", "**/._*/**", "*.orig",
    "/archived-packages/**",
};

using RuleSet = std::vector<IgnoreRule>;

RuleSet ParseRules(std::string_view text) {
  RuleSet rules;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
    if (!line.empty() && line[0] != '#') rules.emplace_back(line);
    start = end + 1;
  }
  return rules;
}

RuleSet RulesFrom(const std::vector<std::string>& lines) {
  RuleSet rules;
  for (const std::string& l : lines) rules.emplace_back(l);
  return rules;
}

struct Folder {
  const Folder* parent = nullptr;
  std::string basename;
  bool exact = false;
  std::vector<RuleSet> rule_sets;  // In ignore-walk's ignoreFiles order, present ones only.

  // ignore-walk's filterEntry.
  bool Pass(const std::string& entry, bool partial) const {
    bool included = true;
    if (parent) {
      included = parent->Pass(basename + "/" + entry, partial);
      if (!included && !exact) return false;
    }
    for (const RuleSet& rules : rule_sets) {
      for (const IgnoreRule& rule : rules) {
        if (rule.negate() == included) continue;
        bool match = rule.Match("/" + entry) || rule.Match(entry) ||
                     (partial && (rule.Match("/" + entry + "/") || rule.Match(entry + "/") ||
                                  (rule.negate() && (rule.Match("/" + entry, true) || rule.Match(entry, true)))));
        if (match) included = rule.negate();
      }
    }
    return included;
  }
};

std::string StripDotSlash(std::string s) {
  while (s.rfind("./", 0) == 0) s = s.substr(2);
  return s;
}

class Walker {
 public:
  // A bundled dependency that is not a link reads no ignore files and no defaults at its
  // top (npm-packlist's gatherBundles): `top_ignore_files` false.
  explicit Walker(std::string root, bool top_ignore_files = true)
      : root_(std::move(root)), top_ignore_files_(top_ignore_files) {}
  Status Walk(const std::string& rel, Folder& folder, const std::vector<std::string>& required, bool is_root,
              const lockfile::JsonValue* package);
  std::vector<std::string> result;

 private:
  std::string root_;
  bool top_ignore_files_;
  std::vector<std::string> required_;  // The root's `files` entries that are files.
};

Status Walker::Walk(const std::string& rel, Folder& folder, const std::vector<std::string>& required,
                    bool is_root, const lockfile::JsonValue* package) {
  std::string dir = rel.empty() ? root_ : root_ + "/" + rel;
  DIR* d = opendir(dir.c_str());
  if (!d) return fsutil::ErrnoStatus("scandir", dir, errno);
  std::vector<std::string> entries;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name != "." && name != "..") entries.push_back(name);
  }
  closedir(d);
  auto has = [&entries](const char* n) { return std::find(entries.begin(), entries.end(), n) != entries.end(); };
  auto read_rules = [&dir](const char* n) {
    Result<std::string> text = fsutil::ReadFile(dir + "/" + n);
    return text.ok() ? ParseRules(*text) : RuleSet{};
  };

  RuleSet defaults = RulesFrom(std::vector<std::string>(std::begin(kDefaults), std::end(kDefaults)));
  std::vector<std::string> strict_lines;
  std::optional<RuleSet> files_rules;
  if (is_root) {
    strict_lines = {"/.git", "!/package.json", "!/readme{,.*[^~$]}", "!/copying{,.*[^~$]}",
                    "!/license{,.*[^~$]}", "!/licence{,.*[^~$]}", "/.git", "/node_modules", ".npmrc",
                    "/package-lock.json", "/yarn.lock", "/pnpm-lock.yaml", "/bun.lockb"};
    const lockfile::JsonValue* files = package->Get("files");
    if (files && files->is_array()) {
      std::vector<std::string> lines = {"*"};
      for (const lockfile::JsonValue& item : files->items()) {
        if (!item.is_string()) continue;
        std::string file = item.str();
        if (file.rfind("./", 0) == 0) file = file.substr(1);
        if (file.size() >= 2 && file.compare(file.size() - 2, 2, "/*") == 0) file += "*";
        std::string bare = file;
        while (!bare.empty() && bare[0] == '!') bare = bare.substr(1);
        struct stat st;
        if (lstat((root_ + "/" + bare).c_str(), &st) != 0) {
          lines.push_back("!" + file);
        } else if (S_ISREG(st.st_mode)) {
          strict_lines.insert(strict_lines.begin(), "!" + file);
          required_.push_back(file[0] == '/' ? file.substr(1) : file);
        } else if (S_ISDIR(st.st_mode)) {
          lines.push_back("!" + file);
          lines.push_back("!" + file + "/**");
        }
      }
      files_rules = RulesFrom(lines);
    }
    if (const lockfile::JsonValue* browser = package->Get("browser"); browser && browser->is_string()) {
      strict_lines.push_back("!/" + StripDotSlash(browser->str()));
    }
    if (const lockfile::JsonValue* main = package->Get("main"); main && main->is_string() && !main->str().empty()) {
      strict_lines.push_back("!/" + StripDotSlash(main->str()));
    }
    if (const lockfile::JsonValue* bin = package->Get("bin")) {
      if (bin->is_string()) strict_lines.push_back("!/" + StripDotSlash(bin->str()));
      if (bin->is_object()) {
        for (const lockfile::JsonMember& m : bin->members()) {
          if (m.value.is_string()) strict_lines.push_back("!/" + StripDotSlash(m.value.str()));
        }
      }
    }
  } else {
    strict_lines = {"/.git"};
    for (const std::string& f : required) strict_lines.push_back("!" + f);
  }

  bool ignore_files = !is_root || top_ignore_files_;
  if (ignore_files) folder.rule_sets.push_back(std::move(defaults));
  if (files_rules) {
    folder.rule_sets.push_back(std::move(*files_rules));  // `files` overrides the ignore files.
  } else if (ignore_files && has(".npmignore")) {
    folder.rule_sets.push_back(read_rules(".npmignore"));
  } else if (ignore_files && has(".gitignore")) {
    folder.rule_sets.push_back(read_rules(".gitignore"));
  }
  folder.rule_sets.push_back(RulesFrom(strict_lines));
  const std::vector<std::string>& required_here = is_root ? required_ : required;

  for (const std::string& entry : entries) {
    if (entry.find('*') != std::string::npos) continue;  // Bad for Windows; npm skips it.
    bool pass_file = folder.Pass(entry, false);
    bool pass_dir = folder.Pass(entry, true);
    if (!pass_file && !pass_dir) continue;
    std::string path = rel.empty() ? entry : rel + "/" + entry;
    struct stat st;
    if (lstat((root_ + "/" + path).c_str(), &st) != 0) return fsutil::ErrnoStatus("lstat", root_ + "/" + path, errno);
    if (S_ISREG(st.st_mode)) {
      if (pass_file) result.push_back(path);
    } else if (S_ISDIR(st.st_mode) && pass_dir) {
      Folder child;
      child.parent = &folder;
      child.basename = entry;
      child.exact = pass_file || folder.Pass(entry + "/", false);
      // Required files directly inside this entry, relative to it.
      std::vector<std::string> inner;
      for (const std::string& f : required_here) {
        if (f.size() > entry.size() + 1 && f.compare(0, entry.size() + 1, entry + "/") == 0 &&
            f.find('/', entry.size() + 1) == std::string::npos) {
          inner.push_back(f.substr(entry.size() + 1));
        }
      }
      Status s = Walk(path, child, inner, false, nullptr);
      if (!s.ok()) return s;
    }
  }
  return Status::Ok();
}

std::string Extension(std::string_view path) {
  std::string base(path.substr(path.rfind('/') + 1));
  size_t dot = base.rfind('.');
  if (dot == std::string::npos || dot == 0) return "";
  return base.substr(dot);
}

std::string LowerString(std::string s) {
  for (char& c : s) c = Lower(c);
  return s;
}

std::vector<std::string> Keys(const lockfile::JsonValue* object) {
  std::vector<std::string> out;
  if (object && object->is_object()) {
    for (const lockfile::JsonMember& m : object->members()) out.push_back(m.key);
  }
  return out;
}

// npm-packlist's gatherBundles: the root's bundleDependencies (a bundled package's
// dependencies and optionalDependencies, recursively), found as require() would find them
// from `location`, walked with package rules and listed under their location.
Status GatherBundles(const std::string& top, const std::string& location, const lockfile::JsonValue& package,
                     bool is_root, std::set<std::string>* seen, std::vector<std::string>* out) {
  std::vector<std::string> names;
  std::vector<std::string> deps = Keys(package.Get("dependencies")), optional = Keys(package.Get("optionalDependencies"));
  if (is_root) {
    const lockfile::JsonValue* bundle = package.Get("bundleDependencies");
    if (!bundle) bundle = package.Get("bundledDependencies");
    if (bundle && bundle->is_array()) {
      for (const lockfile::JsonValue& item : bundle->items()) {
        if (item.is_string()) names.push_back(item.str());
      }
    } else if (bundle && bundle->type() == lockfile::JsonValue::Type::kBool && bundle->bool_value()) {
      names = deps;
    }
  } else {
    names = deps;
    names.insert(names.end(), optional.begin(), optional.end());
  }
  for (const std::string& name : names) {
    // Only production and optional edges are bundled (never dev or peer ones).
    bool prod = std::find(deps.begin(), deps.end(), name) != deps.end() ||
                std::find(optional.begin(), optional.end(), name) != optional.end();
    if (!prod) continue;
    std::string found = lockfile::ResolveLocation(location, name, [&top](const std::string& at) {
      return fsutil::Exists(top + "/" + at + "/package.json");
    });
    if (found.empty()) continue;  // Not installed (a skipped optional one): nothing to pack.
    std::string dir = top + "/" + found;
    struct stat st;
    bool is_link = lstat(dir.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
    Result<std::string> text = fsutil::ReadFile(dir + "/package.json");
    if (!text.ok()) return text.status();
    Result<lockfile::JsonValue> dep = lockfile::ParseJson(*text, dir + "/package.json");
    if (!dep.ok()) return dep.status();
    Walker walker(dir, is_link);
    Folder root;
    if (Status s = walker.Walk("", root, {}, true, &*dep); !s.ok()) return s;
    for (const std::string& f : walker.result) out->push_back(found + "/" + f);
    if (seen->insert(fsutil::RealPath(dir)).second) {
      if (Status s = GatherBundles(top, found, *dep, false, seen, out); !s.ok()) return s;
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<std::string>> PackFiles(const std::string& package_dir, std::string_view package_json) {
  Result<lockfile::JsonValue> package = lockfile::ParseJson(package_json, "package.json");
  if (!package.ok()) return package.status();
  Walker walker(package_dir);
  Folder root;
  Status s = walker.Walk("", root, {}, true, &*package);
  if (!s.ok()) return s;
  std::vector<std::string> files = std::move(walker.result);
  std::set<std::string> seen = {fsutil::RealPath(package_dir)};
  if (Status bundled = GatherBundles(package_dir, "", *package, true, &seen, &files); !bundled.ok()) return bundled;
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  std::stable_sort(files.begin(), files.end(), [](const std::string& a, const std::string& b) {
    if (int c = lockfile::LocaleCompare(LowerString(Extension(a)), LowerString(Extension(b)))) return c < 0;
    std::string base_a = LowerString(a.substr(a.rfind('/') + 1)), base_b = LowerString(b.substr(b.rfind('/') + 1));
    if (int c = lockfile::LocaleCompare(base_a, base_b)) return c < 0;
    return lockfile::LocaleCompare(a, b) < 0;
  });
  return files;
}

namespace {

// localeCompare with {numeric: true}: digit runs compare by value. Zero-padding every
// run to one width makes the collator's digit order the numeric order.
std::string NumericKey(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) {
      out += s[i++];
      continue;
    }
    size_t j = i;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    size_t start = i;
    while (start + 1 < j && s[start] == '0') ++start;
    if (j - start < 24) out.append(24 - (j - start), '0');
    out.append(s, start, j - start);
    i = j;
  }
  return out;
}

}  // namespace

std::vector<std::string> ContentsOrder(std::vector<std::string> paths) {
  std::vector<std::string> upper, other;
  for (std::string& p : paths) {
    unsigned char c = p.empty() ? 0 : static_cast<unsigned char>(p[0]);
    (std::islower(c) ? other : upper).push_back(std::move(p));
  }
  auto less = [](const std::string& a, const std::string& b) {
    return lockfile::LocaleCompare(NumericKey(a), NumericKey(b)) < 0;
  };
  std::stable_sort(upper.begin(), upper.end(), less);
  std::stable_sort(other.begin(), other.end(), less);
  upper.insert(upper.end(), other.begin(), other.end());
  return upper;
}

}  // namespace skua::pm::cli
