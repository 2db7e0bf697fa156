// hosted-git-info's recognition rules, reduced to what classification needs: is this a
// repository on a known host, and what is its committish.
#include "pm/spec/hosted_git.h"

#include <vector>

namespace skua::pm::spec::internal {

namespace {

struct Host {
  const char* name;
  const char* domain;
  std::vector<std::string_view> protocols;
};

const Host kHosts[] = {
    {"github", "github.com", {"git:", "http:", "git+ssh:", "git+https:", "ssh:", "https:"}},
    {"bitbucket", "bitbucket.org", {"git+ssh:", "git+https:", "ssh:", "https:"}},
    {"gitlab", "gitlab.com", {"git+ssh:", "git+https:", "ssh:", "https:"}},
    {"gist", "gist.github.com", {"git:", "git+ssh:", "git+https:", "ssh:", "https:"}},
    {"sourcehut", "git.sr.ht", {"git+ssh:", "https:"}},
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
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

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The host-specific `extract` check on a URL path ("/user/project...").
bool PathFitsHost(std::string_view host, std::string_view path) {
  std::vector<std::string_view> seg = Split(path, '/');  // seg[0] is "" before the '/'.
  auto at = [&](size_t i) { return i < seg.size() ? seg[i] : std::string_view(); };
  auto project = [](std::string_view p) { return EndsWith(p, ".git") ? p.substr(0, p.size() - 4) : p; };
  if (host == "github") {
    if (!at(3).empty() && at(3) != "tree") return false;
    return !at(1).empty() && !project(at(2)).empty();
  }
  if (host == "bitbucket") return at(3) != "get" && !at(1).empty() && !project(at(2)).empty();
  if (host == "gitlab") {
    std::string_view rest = path.substr(path.empty() ? 0 : 1);
    if (rest.find("/-/") != std::string_view::npos ||
        rest.find("/archive.tar.gz") != std::string_view::npos) {
      return false;
    }
    size_t last = rest.rfind('/');
    return last != std::string_view::npos && last > 0 && !project(rest.substr(last + 1)).empty();
  }
  if (host == "gist") return at(3) != "raw" && !at(1).empty();
  // sourcehut: "/~user/project".
  return !at(1).empty() && !project(at(2)).empty();
}

// "user/project" from a repository path ("/user/project.git", "user/project",
// "/user/project/tree/ref"), by the host's layout; "" when it does not fit.
std::string RepoFromPath(std::string_view host, std::string_view path) {
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  std::vector<std::string_view> seg = Split(path, '/');
  auto project = [](std::string_view p) { return EndsWith(p, ".git") ? p.substr(0, p.size() - 4) : p; };
  if (host == "gist") {
    // "user/id" or just "id": the id names the gist.
    return std::string(project(seg.size() >= 2 && !seg[1].empty() ? seg[1] : seg[0]));
  }
  if (host == "gitlab") {
    size_t last = path.rfind('/');
    if (last == std::string_view::npos) return "";
    return std::string(path.substr(0, last)) + "/" + std::string(project(path.substr(last + 1)));
  }
  if (seg.size() < 2 || seg[0].empty()) return "";
  return std::string(seg[0]) + "/" + std::string(project(seg[1]));
}

}  // namespace

bool IsGitHubShorthand(std::string_view arg) {
  size_t hash = arg.find('#');
  size_t slash = arg.find('/');
  size_t second_slash = slash == std::string_view::npos ? slash : arg.find('/', slash + 1);
  size_t colon = arg.find(':');
  size_t at = arg.find('@');
  size_t space = arg.find_first_of(" \t\n\v\f\r");
  auto only_after_hash = [&](size_t pos) {
    return pos == std::string_view::npos || (hash != std::string_view::npos && pos > hash);
  };
  bool ends_with_slash = hash != std::string_view::npos ? (hash > 0 && arg[hash - 1] == '/')
                                                         : (!arg.empty() && arg.back() == '/');
  return only_after_hash(space) && slash != std::string_view::npos && slash > 0 &&
         !ends_with_slash && !(!arg.empty() && arg[0] == '.') && only_after_hash(at) &&
         only_after_hash(colon) && only_after_hash(second_slash);
}

std::optional<HostedGit> ParseHostedGit(std::string_view spec) {
  if (spec.empty()) return std::nullopt;
  size_t hash = spec.find('#');
  std::string committish = hash == std::string_view::npos ? "" : PercentDecode(spec.substr(hash + 1));
  std::string_view body = spec.substr(0, hash);
  if (IsGitHubShorthand(spec)) return HostedGit{"github", committish, true, RepoFromPath("github", body)};

  size_t colon = body.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string scheme = Lower(body.substr(0, colon + 1));
  for (const Host& h : kHosts) {
    if (scheme == std::string(h.name) + ":") {
      std::string_view path = body.substr(colon + 1);
      if (path.empty()) return std::nullopt;
      return HostedGit{h.name, committish, true, RepoFromPath(h.name, path)};
    }
  }

  // A URL ("https://host/u/r") or scp-like ("git@host:u/r", read as git+ssh).
  std::string_view authority, path;
  std::string corrected;
  if (body.substr(colon, 3) == "://") {
    // "proto://user@host:user/repo" is not a valid URL (the port is not a number);
    // hosted-git-info then reads the last colon as a slash.
    size_t last_colon = body.rfind(':');
    size_t last_at = body.rfind('@');
    if (last_colon > colon && (last_at == std::string_view::npos || last_colon > last_at)) {
      size_t end = body.find('/', last_colon);
      std::string_view port = body.substr(last_colon + 1, end == std::string_view::npos ? end : end - last_colon - 1);
      bool numeric = true;
      for (char c : port) numeric = numeric && c >= '0' && c <= '9';
      if (!numeric) {
        corrected = std::string(body);
        corrected[last_colon] = '/';
        body = corrected;
      }
    }
    std::string_view rest = body.substr(colon + 3);
    size_t slash = rest.find('/');
    authority = rest.substr(0, slash);
    path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  } else {
    size_t at = body.find('@');
    if (at == std::string_view::npos || at > colon) return std::nullopt;
    scheme = "git+ssh:";
    authority = body.substr(0, colon);
    path = body.substr(colon);  // ":u/r" read as "/u/r".
    std::string fixed = "/" + std::string(path.substr(1));
    std::string host = Lower(authority.substr(authority.rfind('@') + 1));
    if (host.rfind("www.", 0) == 0) host = host.substr(4);
    for (const Host& h : kHosts) {
      if (host == h.domain && PathFitsHost(h.name, fixed)) {
        return HostedGit{h.name, committish, false, RepoFromPath(h.name, fixed)};
      }
    }
    return std::nullopt;
  }
  std::string host = Lower(authority.substr(authority.rfind('@') == std::string_view::npos
                                                ? 0
                                                : authority.rfind('@') + 1));
  host = host.substr(0, host.find(':'));
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  for (const Host& h : kHosts) {
    if (host != h.domain) continue;
    bool protocol_ok = false;
    for (std::string_view p : h.protocols) protocol_ok = protocol_ok || p == scheme;
    if (!protocol_ok || !PathFitsHost(h.name, path)) {
      return std::nullopt;
    }
    return HostedGit{h.name, committish, false, RepoFromPath(h.name, path)};
  }
  return std::nullopt;
}

}  // namespace skua::pm::spec::internal
