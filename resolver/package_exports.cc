// "exports" and "imports" of package.json: subpath and pattern matching, conditions and
// target validation (PACKAGE_EXPORTS_RESOLVE, PACKAGE_IMPORTS_RESOLVE and
// PACKAGE_TARGET_RESOLVE of doc/api/esm.md, with Node 20's error messages).
#include <string>

#include "resolver/path_util.h"
#include "resolver/resolver_core.h"

namespace skua::resolver::internal {

namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// A segment decoded for comparison: %XX → byte, letters lower-cased. Node's regular
// expressions accept exactly the percent-encodings of the letters of "node_modules" and
// of ".", so decoding everything first is equivalent.
std::string FoldSegment(std::string_view segment) {
  std::string out = DecodeUrlPath(segment);
  for (char& c : out) c = Lower(c);
  return out;
}

// Node's invalidSegmentRegEx (with_empty) and deprecatedInvalidSegmentRegEx: a segment
// (split on '/' or '\') that is ".", "..", "node_modules" — or, for the former, empty.
bool HasInvalidSegment(std::string_view text, bool with_empty) {
  size_t start = 0;
  while (true) {
    size_t end = text.find_first_of("/\\", start);
    std::string_view segment = text.substr(start, end == std::string_view::npos ? text.npos : end - start);
    if (segment.empty()) {
      if (with_empty) return true;
    } else {
      std::string folded = FoldSegment(segment);
      if (folded == "." || folded == ".." || folded == "node_modules") return true;
    }
    if (end == std::string_view::npos) return false;
    start = end + 1;
  }
}

// JavaScript's "is array index" test: canonical non-negative integers below 2^32 - 1.
bool IsArrayIndex(std::string_view key) {
  if (key.empty() || key.size() > 10) return false;
  if (key.size() > 1 && key[0] == '0') return false;
  unsigned long long value = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  return value < 0xFFFFFFFFull;
}

// patternKeyCompare: sorts pattern keys by the length before '*' (longer first), then by
// total length.
int PatternKeyCompare(std::string_view a, std::string_view b) {
  size_t a_star = a.find('*');
  size_t b_star = b.find('*');
  size_t base_a = a_star == std::string_view::npos ? a.size() : a_star + 1;
  size_t base_b = b_star == std::string_view::npos ? b.size() : b_star + 1;
  if (base_a > base_b) return -1;
  if (base_b > base_a) return 1;
  if (a_star == std::string_view::npos) return 1;
  if (b_star == std::string_view::npos) return -1;
  if (a.size() > b.size()) return -1;
  if (b.size() > a.size()) return 1;
  return 0;
}

std::string ReplaceAll(std::string_view text, char from, std::string_view to) {
  std::string out;
  for (char c : text) {
    if (c == from) {
      out += to;
    } else {
      out += c;
    }
  }
  return out;
}

std::string PackageDir(const PackageConfig& pkg) { return DirName(pkg.path) + (DirName(pkg.path) == "/" ? "" : "/"); }

// Finds the best pattern key ("./feat/*") for `request` in a map's keys.
bool MatchPattern(const JsonValue& map, std::string_view request, std::string* best_key,
                  std::string* best_match) {
  best_key->clear();
  for (const std::string& key : map.keys()) {
    size_t star = key.find('*');
    if (star == std::string::npos || request.substr(0, star) != std::string_view(key).substr(0, star)) continue;
    std::string_view trailer = std::string_view(key).substr(star + 1);
    if (request.size() >= key.size() && request.size() >= trailer.size() &&
        request.substr(request.size() - trailer.size()) == trailer &&
        PatternKeyCompare(*best_key, key) == 1 && key.rfind('*') == star) {
      *best_key = key;
      *best_match = std::string(request.substr(star, request.size() - trailer.size() - star));
    }
  }
  return !best_key->empty();
}

}  // namespace

ResolveOr<TargetResult> ResolverCore::ResolveTargetString(
    const PackageConfig& pkg, const std::string& target, std::string_view pattern_match,
    std::string_view key, const Base& base, bool pattern, bool is_imports,
    const std::vector<std::string>& conditions) {
  auto invalid_target = [&]() {
    return errors::InvalidPackageTarget(PackageDir(pkg), key, target, true, is_imports, base.path);
  };
  if (!pattern_match.empty() && !pattern && (target.empty() || target.back() != '/')) {
    return invalid_target();
  }
  if (target.compare(0, 2, "./") != 0) {
    // "imports" may map to another package: "#dep": "dep" or "#x/*": "lib/*".
    if (is_imports && !target.empty() && target[0] != '/' && target.compare(0, 3, "../") != 0 &&
        !UrlScheme(target)) {
      std::string specifier = pattern ? ReplaceAll(target, '*', pattern_match)
                                      : target + std::string(pattern_match);
      Trace("imports target " + specifier + " resolved as a package");
      Base pkg_base{pkg.path, FileHrefFromPath(pkg.path)};
      ResolveOr<UrlRef> resolved = PackageResolve(specifier, FileUrlFromPath(pkg.path), pkg_base, conditions);
      if (!resolved.ok()) return resolved.take_error();
      return TargetResult{TargetResult::State::kFound, *resolved};
    }
    return invalid_target();
  }
  std::string_view rest = std::string_view(target).substr(2);
  // Differs from Node 20: empty segments ("./a//b") only warn (DEP0166) in Node; skua
  // accepts them silently.
  if (HasInvalidSegment(rest, true) && HasInvalidSegment(rest, false)) return invalid_target();

  FileUrl package_url = FileUrlFromPath(pkg.path);
  FileUrl resolved = ResolveFileUrl(package_url, target);
  std::string package_path = ResolveFileUrl(package_url, ".").path;
  if (resolved.path.compare(0, package_path.size(), package_path) != 0) return invalid_target();
  if (pattern_match.empty()) return TargetResult{TargetResult::State::kFound, UrlRef{resolved, {}}};

  if (HasInvalidSegment(pattern_match, true) && HasInvalidSegment(pattern_match, false)) {
    std::string request = pattern ? std::string(key).replace(key.find('*'), 1, pattern_match)
                                  : std::string(key) + std::string(pattern_match);
    return errors::InvalidModuleSpecifier(
        request,
        std::string("request is not a valid match in pattern \"") + std::string(key) +
            "\" for the \"" + (is_imports ? "imports" : "exports") + "\" resolution of " + pkg.path,
        base.path);
  }
  if (pattern) {
    std::optional<FileUrl> substituted = ParseFileUrl(ReplaceAll(resolved.Href(), '*', pattern_match));
    if (!substituted) return invalid_target();
    return TargetResult{TargetResult::State::kFound, UrlRef{*substituted, {}}};
  }
  return TargetResult{TargetResult::State::kFound, UrlRef{ResolveFileUrl(resolved, pattern_match), {}}};
}

ResolveOr<TargetResult> ResolverCore::ResolveTarget(const PackageConfig& pkg, const JsonValue& target,
                                                    std::string_view pattern_match,
                                                    std::string_view key, const Base& base,
                                                    bool pattern, bool is_imports,
                                                    const std::vector<std::string>& conditions) {
  switch (target.type()) {
    case JsonValue::Type::kString:
      return ResolveTargetString(pkg, target.string_value(), pattern_match, key, base, pattern,
                                 is_imports, conditions);
    case JsonValue::Type::kArray: {
      if (target.items().empty()) return TargetResult{TargetResult::State::kNull, {}};
      // The first entry that resolves wins; invalid targets are skipped, but the last one
      // is reported when nothing resolves.
      std::optional<ResolveError> last_error;
      TargetResult::State last_state = TargetResult::State::kUndefined;
      for (const JsonValue& item : target.items()) {
        ResolveOr<TargetResult> result =
            ResolveTarget(pkg, item, pattern_match, key, base, pattern, is_imports, conditions);
        if (!result.ok()) {
          if (result.error().code != ErrorCode::kInvalidPackageTarget) return result;
          last_error = result.take_error();
          continue;
        }
        if (result->state == TargetResult::State::kUndefined) continue;
        if (result->state == TargetResult::State::kNull) {
          last_error.reset();
          last_state = TargetResult::State::kNull;
          continue;
        }
        return result;
      }
      if (last_error) return std::move(*last_error);
      return TargetResult{last_state, {}};
    }
    case JsonValue::Type::kObject: {
      for (const std::string& condition : target.keys()) {
        if (IsArrayIndex(condition)) {
          return errors::InvalidPackageConfig(pkg.path, base.href,
                                              "\"exports\" cannot contain numeric property keys.");
        }
      }
      for (size_t i = 0; i < target.keys().size(); ++i) {
        const std::string& condition = target.keys()[i];
        bool active = condition == "default";
        for (const std::string& c : conditions) active = active || c == condition;
        if (!active) continue;
        Trace("condition \"" + condition + "\" matched in " + pkg.path);
        ResolveOr<TargetResult> result = ResolveTarget(pkg, target.items()[i], pattern_match, key,
                                                       base, pattern, is_imports, conditions);
        if (!result.ok() || result->state != TargetResult::State::kUndefined) return result;
      }
      return TargetResult{TargetResult::State::kUndefined, {}};
    }
    case JsonValue::Type::kNull:
      return TargetResult{TargetResult::State::kNull, {}};
    default: {
      // Node stringifies non-object targets first (`${target}`), so a number or boolean is
      // shown quoted and gets the "./" hint like a string.
      std::string text = target.type() == JsonValue::Type::kBool
                             ? (target.bool_value() ? "true" : "false")
                             : FormatJsNumber(target.number_value());
      return errors::InvalidPackageTarget(PackageDir(pkg), key, text, true, is_imports, base.path);
    }
  }
}

ResolveOr<UrlRef> ResolverCore::PackageExportsResolve(const PackageConfig& pkg,
                                                      std::string_view subpath, const Base& base,
                                                      const std::vector<std::string>& conditions) {
  const JsonValue& exports = *pkg.exports;
  // "Conditional main sugar": a string, an array, or an object of condition keys stands for
  // { ".": exports }. Mixing "." keys and condition keys is an error.
  bool sugar = exports.is_string() || exports.is_array();
  if (exports.is_object()) {
    for (size_t i = 0; i < exports.keys().size(); ++i) {
      const std::string& key = exports.keys()[i];
      bool is_condition = key.empty() || key[0] != '.';
      if (i == 0) {
        sugar = is_condition;
      } else if (sugar != is_condition) {
        return errors::InvalidPackageConfig(
            pkg.path, base.href,
            "\"exports\" cannot contain some keys starting with '.' and some not. The exports "
            "object must either be an object of package subpath keys or an object of main "
            "entry condition name keys only.");
      }
    }
  }
  JsonValue wrapped;
  const JsonValue* map = &exports;
  if (sugar) {
    wrapped = JsonValue::Object();
    wrapped.Set(".", exports);
    map = &wrapped;
  }
  auto not_exported = [&]() {
    return errors::PackagePathNotExported(PackageDir(pkg), subpath, base.path);
  };
  if (!map->is_object()) return not_exported();

  const JsonValue* exact = map->Find(subpath);
  if (exact != nullptr && subpath.find('*') == std::string_view::npos &&
      (subpath.empty() || subpath.back() != '/')) {
    Trace("exports of " + pkg.path + ": matched \"" + std::string(subpath) + "\"");
    ResolveOr<TargetResult> result = ResolveTarget(pkg, *exact, "", subpath, base, false, false, conditions);
    if (!result.ok()) return result.take_error();
    if (result->state != TargetResult::State::kFound) return not_exported();
    return result->url;
  }
  std::string best_key;
  std::string best_match;
  if (MatchPattern(*map, subpath, &best_key, &best_match)) {
    Trace("exports of " + pkg.path + ": matched pattern \"" + best_key + "\" with \"" + best_match + "\"");
    ResolveOr<TargetResult> result = ResolveTarget(pkg, *map->Find(best_key), best_match, best_key,
                                                   base, true, false, conditions);
    if (!result.ok()) return result.take_error();
    if (result->state != TargetResult::State::kFound) return not_exported();
    return result->url;
  }
  Trace("exports of " + pkg.path + ": no entry for \"" + std::string(subpath) + "\"");
  return not_exported();
}

ResolveOr<UrlRef> ResolverCore::PackageImportsResolve(std::string_view name, const FileUrl& parent,
                                                      const Base& base,
                                                      const std::vector<std::string>& conditions) {
  if (name == "#" || name.substr(0, 2) == "#/" || name.back() == '/') {
    return errors::InvalidModuleSpecifier(name, "is not a valid internal imports specifier name",
                                          base.path);
  }
  ResolveOr<const PackageConfig*> scope = PackageScopeConfig(parent, base);
  if (!scope.ok()) return scope.take_error();
  const PackageConfig* pkg = *scope;
  if (pkg != nullptr && pkg->imports.has_value() && pkg->imports->Truthy() && pkg->imports->is_object()) {
    const JsonValue& imports = *pkg->imports;
    const JsonValue* exact = imports.Find(name);
    if (exact != nullptr && name.find('*') == std::string_view::npos) {
      Trace("imports of " + pkg->path + ": matched \"" + std::string(name) + "\"");
      ResolveOr<TargetResult> result = ResolveTarget(*pkg, *exact, "", name, base, false, true, conditions);
      if (!result.ok()) return result.take_error();
      if (result->state == TargetResult::State::kFound) return result->url;
    } else {
      std::string best_key;
      std::string best_match;
      if (MatchPattern(imports, name, &best_key, &best_match)) {
        Trace("imports of " + pkg->path + ": matched pattern \"" + best_key + "\"");
        ResolveOr<TargetResult> result = ResolveTarget(*pkg, *imports.Find(best_key), best_match,
                                                       best_key, base, true, true, conditions);
        if (!result.ok()) return result.take_error();
        if (result->state == TargetResult::State::kFound) return result->url;
      }
    }
  }
  return errors::ImportNotDefined(name, pkg != nullptr ? PackageDir(*pkg) : "", base.path);
}

}  // namespace skua::resolver::internal
