// npm-package-arg's classification order: file paths, `npm:` aliases, hosted git, other
// URLs, slash-containing paths, and finally the registry (version, range or tag).
#include "pm/spec/dep_spec.h"

#include <vector>

#include "pm/semver/range.h"
#include "pm/semver/version.h"
#include "pm/spec/hosted_git.h"
#include "pm/spec/package_name.h"

namespace skua::pm::spec {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && Lower(s.substr(0, prefix.size())) == prefix;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// `/[.](?:tgz|tar\.gz|tar)$/i`.
bool IsFileType(std::string_view s) {
  std::string lower = Lower(s);
  for (std::string_view ext : {".tgz", ".tar.gz", ".tar"}) {
    if (lower.size() >= ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0) {
      return true;
    }
  }
  return false;
}

// POSIX `isFileSpec`: "file:", ".", "~/", "/" or a drive letter "C:".
bool IsFileSpec(std::string_view s) {
  if (StartsWithNoCase(s, "file:")) return true;
  if (s.empty()) return false;
  return s[0] == '.' || s[0] == '/' || s.substr(0, 2) == "~/" ||
         (s.size() >= 2 && IsAsciiLetter(s[0]) && s[1] == ':');
}

// `/^(?:git[+])?[a-z]+:/i`.
bool IsUrl(std::string_view s) {
  size_t i = StartsWithNoCase(s, "git+") ? 4 : 0;
  size_t start = i;
  while (i < s.size() && IsAsciiLetter(s[i])) ++i;
  return i > start && i < s.size() && s[i] == ':';
}

// `/^[^@]+@[^:.]+\.[^:]+:.+$/`: scp-like "user@host.tld:path".
bool IsScpGit(std::string_view s) {
  size_t at = s.find('@');
  if (at == 0 || at == std::string_view::npos) return false;
  size_t i = at + 1, start = i;
  while (i < s.size() && s[i] != ':' && s[i] != '.') ++i;
  if (i == start || i >= s.size() || s[i] != '.') return false;
  size_t colon = s.find(':', i + 1);
  return colon != std::string_view::npos && colon > i + 1 && colon + 1 < s.size();
}

std::string NormalizePath(std::string_view path) {
  bool absolute = !path.empty() && path[0] == '/';
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= path.size(); ++i) {
    if (i < path.size() && path[i] != '/') continue;
    std::string_view part = path.substr(start, i - start);
    start = i + 1;
    if (part.empty() || part == ".") continue;
    if (part == ".." && !parts.empty() && parts.back() != "..") {
      parts.pop_back();
    } else if (part != ".." || !absolute) {
      parts.push_back(part);
    }
  }
  std::string out = absolute ? "/" : "";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += '/';
    out += parts[i];
  }
  return out.empty() ? "." : out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The path a file:/link: spec names, resolved against `where` when given. "~/" paths are
// left for the caller to expand against the home directory.
std::string SpecPath(std::string_view spec, std::string_view prefix, std::string_view where) {
  // Only the lower-case prefix is stripped ("FILE:x" is the relative path "FILE:x"), and
  // no percent-decoding happens: npm escapes '%' before it parses the file: URL.
  std::string_view p = spec.substr(0, prefix.size()) == prefix ? spec.substr(prefix.size()) : spec;
  // file://path means file:/path; file:/../x and file:///./x are relative (npm's
  // backwards-compatible readings).
  if (p.size() > 2 && p.substr(0, 2) == "//" && p[2] != '/') p.remove_prefix(1);
  size_t slashes = 0;
  while (slashes < p.size() && slashes < 3 && p[slashes] == '/') ++slashes;
  if (slashes > 0 && slashes < p.size() && p[slashes] == '.') {
    std::string_view rest = p.substr(slashes);
    if (rest == "." || rest == ".." || rest.substr(0, 2) == "./" || rest.substr(0, 3) == "../") {
      p = rest;
    }
  }
  std::string path(p);
  if (path == "~" || path.rfind("~/", 0) == 0) return path;
  if (!path.empty() && path[0] == '/') return NormalizePath(path);
  if (where.empty()) return NormalizePath(path);
  return NormalizePath(std::string(where) + "/" + path);
}

Status SetGitAttrs(DepSpec& r, std::string_view fragment) {
  size_t start = 0;
  while (start <= fragment.size() && !fragment.empty()) {
    size_t end = fragment.find("::", start);
    std::string_view part = fragment.substr(start, end == std::string_view::npos ? end : end - start);
    size_t colon = part.find(':');
    if (colon == std::string_view::npos) {
      if (!r.git_range.empty()) return InvalidArgument("cannot override existing semver range with a committish");
      if (!r.git_committish.empty()) return InvalidArgument("cannot override existing committish with a second committish");
      r.git_committish = std::string(part);
    } else if (part.substr(0, colon) == "semver") {
      if (!r.git_committish.empty()) return InvalidArgument("cannot override existing committish with a semver range");
      if (!r.git_range.empty()) return InvalidArgument("cannot override existing semver range with a second semver range");
      r.git_range = PercentDecode(part.substr(colon + 1, part.find(':', colon + 1) - colon - 1));
    } else if (part.substr(0, colon) == "path") {
      if (!r.git_subdir.empty()) return InvalidArgument("cannot override existing path with a second path");
      r.git_subdir = "/" + std::string(part.substr(colon + 1, part.find(':', colon + 1) - colon - 1));
    }  // npm warns about and ignores other keys.
    if (end == std::string_view::npos) break;
    start = end + 2;
  }
  return Status::Ok();
}

Result<DepSpec> FromUrl(DepSpec r) {
  std::string_view spec = r.raw_spec;
  r.type = SpecType::kGit;
  if (spec.rfind("git+ssh:", 0) == 0) {
    // "git+ssh://user@host:path#frag" is scp-like, not a real URL; a numeric "path" is a
    // port and goes the URL way.
    std::string_view rest = spec.substr(8);
    if (rest.substr(0, 2) == "//") {
      rest.remove_prefix(2);
      size_t hash = rest.find('#');
      std::string_view target = rest.substr(0, hash);
      size_t colon = target.find(':');
      bool port = colon != std::string_view::npos && colon + 1 < target.size() &&
                  target[colon + 1] >= '0' && target[colon + 1] <= '9';
      if (port) {
        size_t i = colon + 1;
        while (i < target.size() && target[i] >= '0' && target[i] <= '9') ++i;
        port = i == target.size() || target[i] == '/';
      }
      if (colon != std::string_view::npos && colon > 0 && colon + 1 < target.size() && !port) {
        r.fetch_spec = std::string(target);
        if (Status s = SetGitAttrs(r, hash == std::string_view::npos ? "" : rest.substr(hash + 1)); !s.ok()) return s;
        return r;
      }
    }
  }
  std::string protocol = Lower(spec.substr(0, spec.find(':') + 1));
  std::string_view after = spec.substr(protocol.size());
  size_t hash = spec.find('#');
  if (protocol == "git:" || protocol == "git+http:" || protocol == "git+https:" ||
      protocol == "git+rsync:" || protocol == "git+ftp:" || protocol == "git+file:" ||
      protocol == "git+ssh:") {
    if (Status s = SetGitAttrs(r, hash == std::string_view::npos ? "" : spec.substr(hash + 1)); !s.ok()) return s;
    std::string url = std::string(spec.substr(0, hash));
    r.fetch_spec = Lower(url.substr(0, 4)) == "git+" ? url.substr(4) : url;
    return r;
  }
  if (protocol == "http:" || protocol == "https:") {
    if (after.substr(0, 2) != "//" || after.size() == 2 || after[2] == '/') {
      return InvalidArgument("Invalid URL: " + std::string(spec));
    }
    r.type = SpecType::kRemote;
    r.fetch_spec = std::string(spec);
    return r;
  }
  return InvalidArgument("Unsupported URL Type \"" + protocol + "\": " + std::string(spec));
}

Result<DepSpec> FromRegistry(DepSpec r, const std::string& raw) {
  std::string_view spec = r.raw_spec;
  while (!spec.empty() && (spec.front() == ' ' || (spec.front() >= '\t' && spec.front() <= '\r'))) spec.remove_prefix(1);
  while (!spec.empty() && (spec.back() == ' ' || (spec.back() >= '\t' && spec.back() <= '\r'))) spec.remove_suffix(1);
  r.fetch_spec = std::string(spec);
  // semver.valid / semver.validRange, without printing what they parsed.
  if (semver::IsValid(spec, true)) {
    r.type = SpecType::kVersion;
  } else if (semver::Range::ParseShared(spec, {.loose = true}).ok()) {
    r.type = SpecType::kRange;
  } else if (IsUriComponentSafe(spec)) {
    r.type = SpecType::kTag;
  } else {
    return InvalidArgument("Invalid tag name \"" + r.fetch_spec + "\" of package \"" + raw +
                           "\": Tags may not have any characters that encodeURIComponent encodes.");
  }
  return r;
}

Result<DepSpec> Resolve(std::string_view name, std::string_view spec, std::string_view where,
                        const std::string& raw) {
  DepSpec r;
  r.raw_spec = std::string(spec);
  if (!name.empty()) {
    if (!IsValidDependencyName(name)) {
      NameValidation valid = ValidatePackageName(name);
      std::string errors;
      for (const std::string& e : valid.errors) errors += (errors.empty() ? "" : "; ") + e;
      return InvalidArgument("Invalid package name \"" + std::string(name) + "\" of package \"" +
                             raw + "\": " + errors + ".");
    }
    r.name = std::string(name);
  }
  // Digits, dots, spaces, x and range operators: none of the forms below (paths, URLs,
  // aliases, git) can be written so. Most specs are such ranges.
  if (PlainSemverText(spec)) return FromRegistry(std::move(r), raw);
  if (IsFileSpec(spec)) {
    r.type = IsFileType(spec) ? SpecType::kFile : SpecType::kDirectory;
    r.fetch_spec = SpecPath(spec, "file:", where);
    return r;
  }
  if (StartsWithNoCase(spec, "npm:")) {
    Result<DepSpec> sub = ParseSpecArg(spec.substr(4), where);
    if (!sub.ok()) return sub.status();
    if (sub->type == SpecType::kAlias) return InvalidArgument("nested aliases not supported");
    if (!sub->registry()) return InvalidArgument("aliases only work for registry deps");
    if (sub->name.empty()) return InvalidArgument("aliases must have a name");
    r.type = SpecType::kAlias;
    r.alias = std::make_shared<const DepSpec>(std::move(sub).value());
    return r;
  }
  // Differs from npm: npm rejects these protocols; pnpm, yarn and bun accept them.
  if (StartsWithNoCase(spec, "link:")) {
    r.type = SpecType::kLink;
    r.fetch_spec = SpecPath(spec, "link:", where);
    return r;
  }
  if (StartsWithNoCase(spec, "workspace:")) {
    r.type = SpecType::kWorkspace;
    r.fetch_spec = std::string(spec.substr(10));
    return r;
  }
  if (std::optional<internal::HostedGit> hosted = internal::ParseHostedGit(spec)) {
    r.type = SpecType::kGit;
    r.git_host = hosted->host;
    r.git_repo = hosted->repo;
    size_t hash = spec.find('#');
    r.fetch_spec = std::string(spec.substr(0, hash));
    if (Status s = SetGitAttrs(r, hosted->committish); !s.ok()) return s;
    return r;
  }
  if (IsUrl(spec)) return FromUrl(std::move(r));
  if (spec.find('/') != std::string_view::npos || IsFileType(spec)) {
    r.type = IsFileType(spec) ? SpecType::kFile : SpecType::kDirectory;
    r.fetch_spec = SpecPath(spec, "file:", where);
    return r;
  }
  return FromRegistry(std::move(r), raw);
}

}  // namespace

const char* SpecTypeName(SpecType type) {
  static constexpr const char* kNames[] = {"version", "range", "tag",  "alias", "remote",
                                           "file",    "directory", "git", "link", "workspace"};
  return kNames[static_cast<int>(type)];
}

Result<DepSpec> ResolveSpec(std::string_view name, std::string_view spec, std::string_view where) {
  std::string raw = name.empty() ? std::string(spec) : std::string(name) + "@" + std::string(spec);
  return Resolve(name, spec, where, raw);
}

Result<DepSpec> ParseSpecArg(std::string_view arg, std::string_view where) {
  size_t name_end = arg.size() > 1 ? arg.find('@', 1) : std::string_view::npos;
  std::string_view name_part = name_end == std::string_view::npos ? arg : arg.substr(0, name_end);
  std::string raw(arg);
  if (IsUrl(arg)) return Resolve({}, arg, where, raw);
  if (IsScpGit(arg)) return Resolve({}, "git+ssh://" + raw, where, raw);
  if ((name_part.empty() || name_part[0] != '@') &&
      (name_part.find('/') != std::string_view::npos || IsFileType(name_part))) {
    return Resolve({}, arg, where, raw);
  }
  if (name_end != std::string_view::npos) {
    std::string_view spec = arg.substr(name_end + 1);
    return Resolve(name_part, spec.empty() ? "*" : spec, where, raw);
  }
  if (ValidatePackageName(arg).valid_for_old_packages()) return Resolve(arg, "*", where, raw);
  return Resolve({}, arg, where, raw);
}

std::optional<std::string_view> PlainSemverText(std::string_view spec) {
  while (!spec.empty() && spec.front() == ' ') spec.remove_prefix(1);
  while (!spec.empty() && spec.back() == ' ') spec.remove_suffix(1);
  if (spec.empty() || spec.front() == '.') return std::nullopt;
  for (char c : spec) {
    if ((c < '0' || c > '9') && std::string_view(".xX* ^~<>=|-").find(c) == std::string_view::npos) {
      return std::nullopt;
    }
  }
  return spec;
}

}  // namespace skua::pm::spec
