#include "pm/cli/list_commands.h"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "pm/cli/command_context.h"
#include "pm/cli/install_inputs.h"
#include "pm/cli/install_options.h"
#include "pm/cli/installed_packages.h"
#include "pm/cli/package_json_edit.h"
#include "pm/cli/reporter.h"
#include "pm/fsutil/fsutil.h"
#include "pm/lockfile/collate.h"
#include "pm/lockfile/lockfile.h"
#include "pm/registry/manifest.h"
#include "pm/registry/pick_manifest.h"
#include "pm/semver/range.h"
#include "pm/spec/dep_spec.h"
#include "pm/tree/overrides.h"

namespace skua::pm::cli {

namespace {

using fsutil::JoinPath;
using lockfile::JsonValue;


struct Edge {
  std::string name;
  std::string spec;
  const char* kind;  // "prod", "dev", "optional", "peer", "peerOptional".
  bool optional() const { return kind == std::string("optional") || kind == std::string("peerOptional"); }
};

// The installed tree: package.json's root and node_modules/.package-lock.json's entries.
class InstalledTree {
 public:
  Status Load(const std::string& project_dir) {
    project_dir_ = project_dir;
    std::string path = JoinPath(project_dir, "package.json");
    // No package.json (an empty global prefix) lists as an empty project, as npm does.
    Result<std::string> text = fsutil::Exists(path) ? fsutil::ReadFile(path) : Result<std::string>("{}");
    if (!text.ok()) return text.status();
    Result<PackageJsonEditor> root = PackageJsonEditor::Parse(*text, path);
    if (!root.ok()) return root.status();
    root_ = root->document();
    if (const JsonValue* o = root_.Get("overrides")) {
      if (Result<registry::Manifest> manifest = registry::ParsePackageJson(*text, path); manifest.ok()) {
        overrides_ = tree::Overrides::FromJson(*o, *manifest);
      }
    }
    std::string hidden = JoinPath(project_dir, "node_modules/.package-lock.json");
    if (Result<std::string> lock_text = fsutil::ReadFile(hidden); lock_text.ok()) {
      Result<lockfile::Lockfile> lock = lockfile::ParseLockfile(*lock_text, hidden);
      if (!lock.ok()) return lock.status();
      for (const lockfile::LockEntry& e : lock->packages) {
        if (!e.location.empty()) entries_[e.location] = e.meta;
      }
    }
    // Folders the hidden lockfile does not list (put there by hand, or by another tool),
    // as npm's reading of node_modules finds them.
    for (const InstalledPackage& p : InstalledPackages(project_dir)) {
      if (entries_.count(p.location) || p.subject.link) continue;
      JsonValue meta = JsonValue::Object();
      if (p.manifest.name != lockfile::NameFromLocation(p.location)) meta.Set("name", JsonValue::String(p.manifest.name));
      meta.Set("version", JsonValue::String(p.manifest.version));
      entries_[p.location] = std::move(meta);
    }
    return Status::Ok();
  }

  const JsonValue& root() const { return root_; }
  const tree::Overrides* overrides() const { return overrides_.get(); }  // Null without any.
  const std::map<std::string, JsonValue>& entries() const { return entries_; }
  const JsonValue* Entry(const std::string& location) const {
    if (location.empty()) return &root_;
    auto it = entries_.find(location);
    return it == entries_.end() ? nullptr : &it->second;
  }
  std::string Label(const std::string& location) const {
    const JsonValue* e = Entry(location);
    std::string name = location.empty() ? root_.GetString("name") : Name(location);
    std::string version = e ? e->GetString("version") : "";
    if (e && e->GetBool("link")) {
      const JsonValue* target = Entry(e->GetString("resolved"));
      version = target ? target->GetString("version") : "";
    }
    return version.empty() ? name : name + "@" + version;
  }
  // npm's Node#pkgid: an aliased package as "folder@npm:name@version".
  std::string PkgId(const std::string& location) const {
    std::string label = Label(location);
    if (location.empty()) return label;
    std::string folder = lockfile::NameFromLocation(location);
    return folder == Name(location) ? label : folder + "@npm:" + label;
  }
  std::string Name(const std::string& location) const {
    const JsonValue* e = Entry(location);
    if (e && !e->GetString("name").empty()) return e->GetString("name");
    return lockfile::NameFromLocation(location);
  }

  // A node's dependencies: every kind for the root (and, `with_dev`, another top node
  // such as a workspace), dev excluded below it.
  std::vector<Edge> EdgesOut(const std::string& location, bool with_dev = false) const {
    const JsonValue* e = Entry(location);
    if (e && e->GetBool("link")) e = Entry(e->GetString("resolved"));
    std::vector<Edge> edges;
    if (e == nullptr) return edges;
    std::set<std::string> seen;
    auto add = [&](const char* key, const char* kind) {
      const JsonValue* deps = e->Get(key);
      if (deps == nullptr || !deps->is_object()) return;
      for (const auto& m : deps->members()) {
        if (seen.insert(m.key).second) edges.push_back({m.key, m.value.is_string() ? m.value.str() : "", kind});
      }
    };
    add("dependencies", "prod");
    if (location.empty() || with_dev) add("devDependencies", "dev");
    add("optionalDependencies", "optional");
    const JsonValue* peer_meta = e->Get("peerDependenciesMeta");
    if (const JsonValue* peers = e->Get("peerDependencies"); peers && peers->is_object()) {
      for (const auto& m : peers->members()) {
        const JsonValue* meta = peer_meta ? peer_meta->Get(m.key) : nullptr;
        if (seen.insert(m.key).second) {
          edges.push_back({m.key, m.value.is_string() ? m.value.str() : "",
                           meta && meta->GetBool("optional") ? "peerOptional" : "peer"});
        }
      }
    }
    std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) {
      return lockfile::LocaleCompare(a.name, b.name) < 0;
    });
    return edges;
  }

  // Node's resolution from `from` upwards; "" (with found=false) when not installed.
  std::string Resolve(const std::string& from, const std::string& name, bool* found) const {
    const JsonValue* e = Entry(from);
    std::string loc = from;
    if (e && e->GetBool("link")) loc = e->GetString("resolved");
    std::string at = lockfile::ResolveLocation(
        loc, name, [this](const std::string& candidate) { return entries_.count(candidate) > 0; });
    *found = !at.empty();
    return at;
  }

  std::string Version(const std::string& location) const {
    const JsonValue* e = Entry(location);
    if (e && e->GetBool("link")) e = Entry(e->GetString("resolved"));
    return e ? e->GetString("version") : "";
  }

 private:
  std::string project_dir_;
  JsonValue root_;
  std::unique_ptr<tree::Overrides> overrides_;
  std::map<std::string, JsonValue> entries_;
};

bool SpecAccepts(const Edge& edge, const std::string& version) {
  Result<spec::DepSpec> sp = spec::ResolveSpec(edge.name, edge.spec);
  if (!sp.ok() || !sp->registry() || sp->type == spec::SpecType::kTag) return true;
  const spec::DepSpec& sub = sp->alias ? *sp->alias : *sp;
  if (sub.type == spec::SpecType::kTag) return true;
  return semver::Satisfies(version, sub.fetch_spec, semver::RangeOptions{.loose = true});
}

struct ListOptions {
  int depth = 0;  // -1: everything.
  bool json = false;
  std::set<std::string> filter;
};

class Lister {
 public:
  Lister(const InstalledTree& tree, const ListOptions& options, std::string project_dir)
      : tree_(tree), options_(options), project_dir_(std::move(project_dir)) {}

  // BFS marks where each node is printed in full; later occurrences are "deduped". It
  // also notes what npm's walk says is invalid at each row: npm writes an invalid edge's
  // text onto the node itself, so every row of that node its walk reaches afterwards
  // shows it, and its problem, whichever edge the row stands for.
  void MarkFirst() {
    std::vector<std::string> queue = {""};
    std::set<std::string> seen = {""};
    std::map<std::string, int> depth = {{"", 0}};
    Walk walk;
    scope_[""] = tree_.overrides();
    for (size_t i = 0; i < queue.size(); ++i) {
      const std::string from = queue[i];  // A copy: the queue grows below.
      // npm labels a node's first row when its walk reaches it: after every node before
      // it in the walk has added its edges' texts.
      if (auto text = walk.invalid.find(from); text != walk.invalid.end() && !text->second.empty()) {
        full_invalid_[from] = text->second;
      }
      // npm computes the children of the nodes it prints the children of.
      bool walked = options_.depth < 0 || depth[from] <= options_.depth;
      // Children in printing order ("name@version"), as npm's breadth-first walk claims them.
      std::vector<std::pair<std::string, std::string>> children;
      for (const Edge& edge : tree_.EdgesOut(from)) {
        bool found = false;
        std::string loc = tree_.Resolve(from, edge.name, &found);
        if (!found) continue;
        children.emplace_back(tree_.PkgId(loc), loc);
        NoteEdge(from, edge, loc, walked, walk);
      }
      std::stable_sort(children.begin(), children.end(), [](const auto& x, const auto& y) {
        return lockfile::LocaleCompare(x.first, y.first) < 0;
      });
      if (walked && !first_missing_) NoteFirstMissing(from);
      for (const auto& [label, loc] : children) {
        if (seen.insert(loc).second) {
          first_parent_[loc] = from;
          depth[loc] = depth[from] + 1;
          queue.push_back(loc);
        }
      }
    }
    reachable_ = seen;
  }

  // What MarkFirst's walk carries along.
  struct Walk {
    std::map<std::string, std::string> invalid;  // Each node's invalid text so far.
  };

  // An edge the walk meets: the override scope it carries to `loc`, npm's overridden mark
  // (Node#overridden: a rule for this name set this very version) and, from a node whose
  // children npm computes, its invalid text (with the override's spec: npm's Edge#spec).
  void NoteEdge(const std::string& from, const Edge& edge, const std::string& loc, bool walked, Walk& walk) {
    const tree::Overrides* overrides = scope_[from];
    Edge effective = edge;
    if (overrides) {
      scope_.emplace(loc, overrides->ScopeFor(edge.name, edge.spec));
      effective.spec = overrides->Apply(edge.name, edge.spec);
      if (effective.spec != edge.spec && effective.spec == tree_.Version(loc)) overridden_.insert(loc);
    }
    if (!walked) return;
    std::string& text = walk.invalid[loc];
    if (!SpecAccepts(effective, tree_.Version(loc))) {
      text += (text.empty() ? "\"" : ", \"") + effective.spec + "\" from " + (from.empty() ? "the root project" : from);
    }
    if (!text.empty()) row_invalid_[{from, loc}] = text;
  }

  // npm's JSON gives `required` to the first missing dependency its walk meets only (the
  // later ones become copies of it, without that field): the first, in printing order,
  // of the first node that has any.
  void NoteFirstMissing(const std::string& from) {
    std::optional<std::pair<std::string, std::string>> first;  // (name@spec, name)
    for (const Edge& edge : tree_.EdgesOut(from)) {
      bool found = false;
      tree_.Resolve(from, edge.name, &found);
      std::string id = edge.name + "@" + edge.spec;
      if (!found && (!first || lockfile::LocaleCompare(id, first->first) < 0)) first.emplace(id, edge.name);
    }
    if (first) first_missing_.emplace(from, first->second);
  }

  // True when `location`'s subtree (depth-limited) contains a filtered name.
  bool Matches(const std::string& location, std::set<std::string>& stack) {
    if (options_.filter.empty()) return true;
    if (!location.empty() && options_.filter.count(tree_.Name(location))) return true;
    if (!stack.insert(location).second) return false;
    bool any = false;
    for (const Edge& edge : tree_.EdgesOut(location)) {
      bool found = false;
      std::string loc = tree_.Resolve(location, edge.name, &found);
      if (found && Matches(loc, stack)) any = true;
    }
    // Packages nothing depends on are listed under the folder that holds them.
    if (!ExtraneousUnder(location).empty()) any = true;
    stack.erase(location);
    return any;
  }

  // One printed child: the node at `loc` (empty when missing), in npm's name order.
  struct Row {
    std::string name;
    std::string loc;
    std::string spec;      // For a missing dependency.
    std::string problem;   // "missing: …", "invalid: …", "extraneous: …".
    bool full = false;     // Printed with its children here (not deduped).
    bool extraneous = false;
    bool optional = false;  // Reached through an optional (or optional peer) edge.
    std::string invalid;    // npm's `"<spec>" from <location>` when the version does not fit.
  };

  std::vector<Row> Rows(const std::string& location) {
    std::vector<Row> rows;
    for (const Edge& edge : tree_.EdgesOut(location)) {
      bool found = false;
      std::string loc = tree_.Resolve(location, edge.name, &found);
      Row row;
      row.name = edge.name;
      row.spec = edge.spec;
      row.optional = edge.optional();
      if (!found) {
        // npm lists a missing optional dependency too ("UNMET OPTIONAL DEPENDENCY"), as
        // no problem.
        if (!options_.filter.empty() && !options_.filter.count(edge.name)) continue;
        if (!row.optional) {
          row.problem = "missing: " + edge.name + "@" + edge.spec + ", required by " + tree_.PkgId(location);
        }
        rows.push_back(std::move(row));
        continue;
      }
      std::set<std::string> stack;
      if (!Matches(loc, stack)) continue;
      row.loc = loc;
      row.full = first_parent_.count(loc) && first_parent_[loc] == location;
      // A node's first row reads its text when the walk reaches it; a later row, the text
      // as its parent's edges left it.
      if (row.full) {
        if (auto text = full_invalid_.find(loc); text != full_invalid_.end()) row.invalid = text->second;
      } else if (auto text = row_invalid_.find({location, loc}); text != row_invalid_.end()) {
        row.invalid = text->second;
      }
      if (!row.invalid.empty()) row.problem = "invalid: " + tree_.PkgId(loc) + " " + JoinPath(project_dir_, loc);
      rows.push_back(std::move(row));
    }
    // Packages nothing depends on, under the package whose node_modules holds them.
    for (const std::string& loc : ExtraneousUnder(location)) {
      Row row;
      row.name = tree_.Name(loc);
      row.loc = loc;
      row.problem = "extraneous: " + tree_.PkgId(loc) + " " + JoinPath(project_dir_, loc);
      row.full = row.extraneous = true;
      rows.push_back(std::move(row));
    }
    // npm sorts by "name@version" ("name@spec" when missing): "@types/react-dom@18.3.7"
    // comes before "@types/react@18.3.32".
    std::vector<std::pair<std::string, Row>> keyed;
    for (Row& row : rows) {
      std::string id = row.loc.empty() ? row.name + "@" + row.spec : tree_.PkgId(row.loc);
      keyed.emplace_back(std::move(id), std::move(row));
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& x, const auto& y) {
      return lockfile::LocaleCompare(x.first, y.first) < 0;
    });
    rows.clear();
    for (auto& [id, row] : keyed) rows.push_back(std::move(row));
    for (const Row& row : rows) {
      // Each problem once (npm keeps them in a set).
      if (!row.problem.empty() && problems_seen_.insert(row.problem).second) problems_.push_back(row.problem);
    }
    return rows;
  }

  void Text(const std::string& location, const std::string& indent, int depth, std::string* out) {
    std::vector<Row> rows = Rows(location);
    if (location.empty() && rows.empty()) *out += "└── (empty)\n";
    for (size_t i = 0; i < rows.size(); ++i) {
      const Row& row = rows[i];
      std::string text;
      if (row.loc.empty()) {
        text = std::string(row.optional ? "UNMET OPTIONAL DEPENDENCY " : "UNMET DEPENDENCY ") + row.name + "@" + row.spec;
      } else {
        // npm's order: deduped, invalid, extraneous, the link's target.
        text = tree_.PkgId(row.loc);
        if (!row.full) text += " deduped";
        if (!row.invalid.empty()) text += " invalid: " + row.invalid;
        if (row.extraneous) text += " extraneous";
        if (row.full && overridden_.count(row.loc)) text += " overridden";
        const JsonValue* e = tree_.Entry(row.loc);
        if (e && e->GetBool("link")) text += " -> ./" + e->GetString("resolved");
      }
      bool last = i + 1 == rows.size();
      bool deeper = row.full && !row.extraneous && (options_.depth < 0 || depth < options_.depth) &&
                    HasChildren(row.loc);
      *out += indent + (last ? "└─" : "├─") + (deeper ? "┬ " : "─ ") + text + "\n";
      if (deeper) Text(row.loc, indent + (last ? "  " : "│ "), depth + 1, out);
    }
  }

  JsonValue Json(const std::string& location, int depth) {
    JsonValue deps = JsonValue::Object();
    for (const Row& row : Rows(location)) {
      JsonValue node = JsonValue::Object();
      if (row.loc.empty()) {
        if (!row.optional) {  // npm writes `{}` for a missing optional one.
          if (first_missing_ == std::make_pair(location, row.name)) {
            node.Set("required", JsonValue::String(row.spec));
          }
          node.Set("missing", JsonValue::Bool(true));
        }
      } else {
        const JsonValue* e = tree_.Entry(row.loc);
        node.Set("version", JsonValue::String(tree_.Version(row.loc)));
        if (!row.full && !row.extraneous) {
          // npm shows a deduped node's version and what is wrong with it only.
          if (!row.invalid.empty()) node.Set("invalid", JsonValue::String(row.invalid));
          if (!row.problem.empty()) node.Set("problems", Problems(row));
          deps.Set(row.name, std::move(node));
          continue;
        }
        if (e && e->GetBool("link")) {
          node.Set("resolved", JsonValue::String("file:" + e->GetString("resolved")));
        } else if (e && !e->GetString("resolved").empty()) {
          node.Set("resolved", JsonValue::String(e->GetString("resolved")));
        }
        node.Set("overridden", JsonValue::Bool(overridden_.count(row.loc) > 0));
        if (row.extraneous) node.Set("extraneous", JsonValue::Bool(true));
        if (row.full && !row.extraneous && (options_.depth < 0 || depth < options_.depth)) {
          JsonValue children = Json(row.loc, depth + 1);
          if (!children.members().empty()) node.Set("dependencies", std::move(children));
        }
      }
      if (!row.invalid.empty()) node.Set("invalid", JsonValue::String(row.invalid));
      if (!row.problem.empty()) node.Set("problems", Problems(row));
      deps.Set(row.name, std::move(node));
    }
    return deps;
  }

  static JsonValue Problems(const Row& row) {
    JsonValue list = JsonValue::Array();
    list.Push(JsonValue::String(row.problem));
    return list;
  }

  bool Reachable(const std::string& location) const { return reachable_.count(location) > 0; }
  bool Overridden(const std::string& location) const { return overridden_.count(location) > 0; }
  // The spec an edge out of `from` has once package.json's overrides apply (after MarkFirst).
  std::string SpecOf(const std::string& from, const Edge& edge) const {
    auto scope = scope_.find(from);
    return scope == scope_.end() || !scope->second ? edge.spec : scope->second->Apply(edge.name, edge.spec);
  }
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  bool HasChildren(const std::string& location) {
    for (const Edge& edge : tree_.EdgesOut(location)) {
      bool found = false;
      std::string loc = tree_.Resolve(location, edge.name, &found);
      std::set<std::string> stack;
      if (found ? Matches(loc, stack) : options_.filter.empty()) return true;
    }
    return !ExtraneousUnder(location).empty();
  }

  // The packages nothing depends on that `location`'s node_modules holds (filtered).
  std::vector<std::string> ExtraneousUnder(const std::string& location) const {
    std::vector<std::string> found;
    for (const auto& [loc, meta] : tree_.entries()) {
      if (reachable_.count(loc) || lockfile::IsTopLocation(loc) || lockfile::HolderLocation(loc) != location) continue;
      if (!options_.filter.empty() && !options_.filter.count(tree_.Name(loc))) continue;
      found.push_back(loc);
    }
    return found;
  }

  const InstalledTree& tree_;
  const ListOptions& options_;
  std::string project_dir_;
  std::map<std::string, std::string> first_parent_;
  std::map<std::pair<std::string, std::string>, std::string> row_invalid_;  // (parent, node) -> text.
  std::map<std::string, std::string> full_invalid_;  // Node -> text at its first row.
  std::set<std::string> overridden_;
  std::map<std::string, const tree::Overrides*> scope_;  // package.json's overrides, per node.
  std::optional<std::pair<std::string, std::string>> first_missing_;  // (parent, name)
  std::set<std::string> reachable_;
  std::vector<std::string> problems_;
  std::set<std::string> problems_seen_;
};

// Flags of the read-only commands: npm configuration plus --all/--depth/--json.
struct Parsed {
  std::vector<std::string> positional;
  bool all = false;
  bool json = false;
  bool long_format = false;  // outdated --long / -l.
  bool parseable = false;    // outdated --parseable / -p.
  int depth = -2;  // -2: unset.
  std::vector<std::pair<std::string, std::string>> config;
};

Parsed ParseArgs(const std::vector<std::string>& args) {
  Parsed parsed;
  std::vector<std::string> rest;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--all" || arg == "-a") {
      parsed.all = true;
    } else if (arg == "--json") {
      parsed.json = true;
    } else if (arg == "--long" || arg == "-l") {
      parsed.long_format = true;
    } else if (arg == "--parseable" || arg == "-p") {
      parsed.parseable = true;
    } else if (arg.rfind("--depth=", 0) == 0) {
      parsed.depth = std::atoi(arg.c_str() + 8);
    } else if (arg == "--depth" && i + 1 < args.size()) {
      parsed.depth = std::atoi(args[++i].c_str());
    } else {
      rest.push_back(arg);
    }
  }
  Result<InstallOptions> options = ParseInstallArgs(InstallCommand::kInstall, rest);
  if (options.ok()) {
    parsed.positional = options->positional;
    parsed.config = options->config;
  }
  return parsed;
}

int Fail(const std::string& message) {
  Reporter(LogLevel::kNormal, false).Error(message);
  return 1;
}

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

// npm explain's text: arborist's Node#explain objects printed by npm's explain-dep. Each
// node's and each edge's explanation is made once, the first time the walk needs it, and
// shared; a node met again inside its own chain of dependents is cut short to its name
// and version (no location, no dependents), and an explanation made inside such a cut
// keeps the short form. Edges a node does not satisfy are left out (but the root's).
class Explainer {
 public:
  Explainer(const InstalledTree& tree, const Lister& lister) : tree_(tree), lister_(lister) {
    for (const auto& [loc, meta] : tree_.entries()) {
      if (!meta.GetBool("link")) froms_.push_back(loc);  // A link's edges are its target's.
    }
  }

  // The node at `location`, then its dependents, indented as npm prints them.
  std::string Text(const std::string& location, const std::string& flags) {
    const Node* node = NodeOf(location, {});
    return PrintNode(*node, flags) + Dependents(*node);
  }

 private:
  struct EdgeIn;
  struct Node {
    std::string name, version, location;  // location empty: cut short (or the root).
    bool root = false;
    std::vector<const EdgeIn*> dependents;
  };
  struct EdgeIn {
    std::string kind, name, spec, raw_spec;
    bool bundled = false;  // The name is in `from`'s bundleDependencies.
    const Node* from = nullptr;
  };

  const Node* NodeOf(const std::string& location, const std::vector<std::string>& seen) {
    if (auto memo = nodes_.find(location); memo != nodes_.end()) return memo->second;
    const Node* made = Make(location, seen);
    nodes_[location] = made;  // After: an inner, cut-short one is replaced (arborist's order).
    return made;
  }

  const Node* Make(const std::string& location, std::vector<std::string> seen) {
    Node& node = store_.emplace_back();
    if (location.empty()) {
      node.root = true;
      return &node;
    }
    node.name = lockfile::IsTopLocation(location) ? tree_.Name(location) : lockfile::NameFromLocation(location);
    node.version = tree_.Version(location);
    if (std::find(seen.begin(), seen.end(), location) != seen.end()) return &node;
    node.location = location;
    seen.push_back(location);
    std::string name = tree_.Name(location);
    for (const std::string& from : froms_) {
      for (const Edge& edge : tree_.EdgesOut(from)) {
        if (edge.name != name) continue;
        bool found = false;
        if (tree_.Resolve(from, edge.name, &found) != location || !found) continue;
        Edge effective = edge;
        effective.spec = lister_.SpecOf(from, edge);
        if (!from.empty() && !SpecAccepts(effective, node.version)) continue;
        node.dependents.push_back(EdgeOf(from, edge, effective.spec, seen));
      }
    }
    return &node;
  }

  const EdgeIn* EdgeOf(const std::string& from, const Edge& edge, const std::string& spec,
                       const std::vector<std::string>& seen) {
    auto key = std::make_pair(from, edge.name);
    if (auto memo = edges_.find(key); memo != edges_.end()) return memo->second;
    EdgeIn& made = edge_store_.emplace_back();
    made.kind = edge.kind;
    made.name = edge.name;
    made.spec = spec;
    made.raw_spec = edge.spec;
    if (const JsonValue* e = tree_.Entry(from)) {
      if (const JsonValue* bundle = e->Get("bundleDependencies"); bundle && bundle->is_array()) {
        for (const JsonValue& item : bundle->items()) made.bundled |= item.is_string() && item.str() == edge.name;
      }
    }
    made.from = NodeOf(from, seen);
    edges_[key] = &made;
    return &made;
  }

  static std::string PrintNode(const Node& node, const std::string& flags = "") {
    return node.name + "@" + node.version + flags + (node.location.empty() ? "" : "\n" + node.location);
  }

  // Every line after the first indented by two more spaces (explain-dep's join).
  static std::string Indented(const std::string& text) {
    std::string out;
    for (char c : text) {
      out += c;
      if (c == '\n') out += "  ";
    }
    return out;
  }

  std::string Dependents(const Node& node) {
    if (node.dependents.empty()) return "";
    std::string text;
    for (const EdgeIn* edge : node.dependents) text += "\n" + EdgeText(*edge);
    return Indented(text);
  }

  std::string EdgeText(const EdgeIn& edge) {
    std::string dep = edge.name + "@" + Quote(edge.spec);
    if (edge.spec != edge.raw_spec) dep = "overridden " + dep + " (was " + Quote(edge.raw_spec) + ")";
    return (edge.kind == std::string("prod") ? "" : edge.kind + " ") + (edge.bundled ? "bundled " : "") + dep +
           " from " + FromText(*edge.from);
  }

  std::string FromText(const Node& from) {
    if (from.root) return "the root project";
    std::string id = from.name + "@" + from.version + ":" + from.location;
    if (!printing_.insert(id).second) return PrintNode(from);
    std::string text = PrintNode(from) + Dependents(from);
    printing_.erase(id);
    return text;
  }

  const InstalledTree& tree_;
  const Lister& lister_;
  std::vector<std::string> froms_ = {""};  // Every node with edges out: the root, then entries.
  std::deque<Node> store_;  // Explanations stay where they are: others point at them.
  std::deque<EdgeIn> edge_store_;
  std::map<std::string, const Node*> nodes_;
  std::map<std::pair<std::string, std::string>, const EdgeIn*> edges_;
  std::set<std::string> printing_;  // explain-dep's cycle guard: nodes being printed.
};

}  // namespace

int RunListCommand(const std::string& command, const std::vector<std::string>& args) {
  Parsed parsed = ParseArgs(args);
  Result<CommandContext> context = LoadCommandContext(parsed.config);
  if (!context.ok()) return Fail(context.status().message());
  InstalledTree tree;
  if (Status loaded = tree.Load(context->project_dir); !loaded.ok()) return Fail(loaded.message());
  ListOptions options;
  options.json = parsed.json;
  options.depth = parsed.all ? -1 : (parsed.depth >= 0 ? parsed.depth : 0);
  for (const std::string& p : parsed.positional) {
    Result<spec::DepSpec> sp = spec::ParseSpecArg(p);
    options.filter.insert(sp.ok() && !sp->name.empty() ? sp->name : p);
  }
  // `npm ls <pkg>` looks at every depth.
  if (!options.filter.empty() && parsed.depth == -2 && !parsed.all) options.depth = -1;
  Lister lister(tree, options, context->project_dir);
  lister.MarkFirst();
  std::string out;
  // npm lists extraneous packages as problems but fails only for the others.
  auto fatal = [&lister] {
    for (const std::string& p : lister.problems()) {
      if (p.rfind("extraneous:", 0) != 0) return true;
    }
    return false;
  };
  if (options.json) {
    JsonValue doc = JsonValue::Object();
    if (!tree.root().GetString("version").empty()) doc.Set("version", JsonValue::String(tree.root().GetString("version")));
    if (!tree.root().GetString("name").empty()) doc.Set("name", JsonValue::String(tree.root().GetString("name")));
    JsonValue deps = lister.Json("", 0);
    if (!lister.problems().empty()) {
      JsonValue problems = JsonValue::Array();
      for (const std::string& p : lister.problems()) problems.Push(JsonValue::String(p));
      doc.Set("problems", std::move(problems));
    }
    if (!deps.members().empty()) doc.Set("dependencies", std::move(deps));
    if (fatal()) {
      std::string summary;
      for (const std::string& p : lister.problems()) summary += (summary.empty() ? "" : "\n") + p;
      JsonValue error = JsonValue::Object();
      error.Set("code", JsonValue::String("ELSPROBLEMS"));
      error.Set("summary", JsonValue::String(summary));
      error.Set("detail", JsonValue::String(""));
      doc.Set("error", std::move(error));
    }
    out = StringifyJson(doc, "  ") + "\n";
  } else {
    std::string label = tree.Label("");
    out = (label.empty() ? "" : label + " ") + context->project_dir + "\n";
    lister.Text("", "", 0, &out);
    out += "\n";  // npm ends the tree with an empty line.
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  if (!fatal()) return 0;
  std::string message = "code ELSPROBLEMS";
  for (const std::string& p : lister.problems()) message += "\n" + p;
  return Fail(message);
}

int RunWhyCommand(const std::string& command, const std::vector<std::string>& args) {
  Parsed parsed = ParseArgs(args);
  if (parsed.positional.empty()) return Fail("code EUSAGE\n`skua " + command + "` needs a package name");
  Result<CommandContext> context = LoadCommandContext(parsed.config);
  if (!context.ok()) return Fail(context.status().message());
  InstalledTree tree;
  if (Status loaded = tree.Load(context->project_dir); !loaded.ok()) return Fail(loaded.message());
  ListOptions all;
  all.depth = -1;
  Lister lister(tree, all, context->project_dir);
  lister.MarkFirst();
  Explainer explainer(tree, lister);
  std::string out;
  for (const std::string& arg : parsed.positional) {
    Result<spec::DepSpec> sp = spec::ParseSpecArg(arg);
    std::string name = sp.ok() && !sp->name.empty() ? sp->name : arg;
    bool any = false;
    for (const auto& [loc, meta] : tree.entries()) {
      if (lockfile::IsTopLocation(loc)) continue;
      if (tree.Name(loc) != name) continue;
      if (sp.ok() && sp->type == spec::SpecType::kRange && !sp->fetch_spec.empty() && sp->fetch_spec != "*" &&
          !semver::Satisfies(tree.Version(loc), sp->fetch_spec)) {
        continue;
      }
      if (any || !out.empty()) out += "\n";
      any = true;
      std::string flags;
      if (!lister.Reachable(loc)) {
        flags = " extraneous";
      } else {
        if (meta.GetBool("dev")) flags += " dev";
        if (meta.GetBool("optional")) flags += " optional";
        if (meta.GetBool("peer")) flags += " peer";
        if (meta.GetBool("inBundle")) flags += " bundled";
        if (lister.Overridden(loc)) flags += " overridden";
      }
      out += explainer.Text(loc, flags) + "\n";
    }
    if (!any) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      return Fail("No dependencies found matching " + arg);
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

namespace {

// One dependency edge npm outdated looks at: from the package at `from`.
struct OutdatedEdge {
  std::string from;
  Edge edge;
};

// A project with workspaces: its folders outside node_modules are workspaces (a `file:`
// folder dependency of such a project is taken for one too).
bool HasWorkspaces(const InstalledTree& tree) { return tree.root().Get("workspaces") != nullptr; }

// npm outdated's edges: the root's and its workspaces' (every package's with --all), or,
// for names given, the edges into every installed package of that name.
std::vector<OutdatedEdge> OutdatedEdges(const InstalledTree& tree, const std::vector<std::string>& names, bool all) {
  std::vector<OutdatedEdge> edges;
  std::set<std::pair<std::string, std::string>> seen;
  auto out_of = [&](const std::string& from) {
    const JsonValue* entry = tree.Entry(from);
    if (entry && entry->GetBool("link")) return;  // A link's edges are its target's.
    for (const Edge& e : tree.EdgesOut(from, lockfile::IsTopLocation(from))) {
      if (seen.emplace(from, e.name).second) edges.push_back({from, e});
    }
  };
  if (!names.empty()) {
    std::vector<std::string> nodes = {""};
    for (const auto& [loc, meta] : tree.entries()) nodes.push_back(loc);
    for (const std::string& name : names) {
      for (const std::string& target : nodes) {
        if (target.empty() || lockfile::NameFromLocation(target) != name) continue;
        for (const std::string& from : nodes) {
          const JsonValue* entry = tree.Entry(from);
          if (entry && entry->GetBool("link")) continue;
          for (const Edge& e : tree.EdgesOut(from, lockfile::IsTopLocation(from))) {
            bool found = false;
            if (e.name == name && tree.Resolve(from, e.name, &found) == target && found &&
                seen.emplace(from, e.name).second) {
              edges.push_back({from, e});
            }
          }
        }
      }
    }
    return edges;
  }
  if (all) {
    out_of("");
    for (const auto& [loc, meta] : tree.entries()) out_of(loc);
  }
  out_of("");
  // The workspaces' own dependencies (the root's links to them lead there).
  for (const Edge& e : tree.EdgesOut("")) {
    bool found = false;
    std::string at = tree.Resolve("", e.name, &found);
    const JsonValue* link = found ? tree.Entry(at) : nullptr;
    if (link && link->GetBool("link")) {
      const std::string target = link->GetString("resolved");
      const JsonValue* folder = tree.Entry(target);
      if (folder && lockfile::IsTopLocation(target) && HasWorkspaces(tree)) out_of(target);
    }
  }
  return edges;
}

struct OutdatedRow {
  std::string name, path, type, current, location, wanted, latest;
  std::string workspace_dependent, depended_by_location, dependent, homepage;
  bool has_path = false, has_location = false, has_homepage = false;
};

// text-table as npm outdated calls it: columns padded to their widest cell, two spaces
// apart, the version columns right-aligned, trailing blanks dropped.
std::string Table(const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> width;
  for (const auto& row : rows) {
    width.resize(std::max(width.size(), row.size()), 0);
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      std::string pad(width[c] - row[c].size(), ' ');
      bool right = c >= 1 && c <= 3;
      line += (c ? "  " : "") + (right ? pad + row[c] : row[c] + pad);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace

int RunOutdatedCommand(const std::string& command, const std::vector<std::string>& args) {
  Parsed parsed = ParseArgs(args);
  Result<CommandContext> loaded_context = LoadCommandContext(parsed.config);
  if (!loaded_context.ok()) return Fail(loaded_context.status().message());
  CommandContext context_value = std::move(loaded_context).value();
  CommandContext* context = &context_value;
  // --long shows each package's homepage, which only full documents carry.
  if (parsed.long_format) context->network.full_metadata = true;
  InstalledTree tree;
  if (Status loaded = tree.Load(context->project_dir); !loaded.ok()) return Fail(loaded.message());
  std::vector<OutdatedEdge> edges = OutdatedEdges(tree, parsed.positional, parsed.all);
  // The walk that carries package.json's overrides down the tree (Lister::SpecOf); without
  // overrides every edge keeps its spec.
  ListOptions whole;
  whole.depth = -1;
  Lister lister(tree, whole, context->project_dir);
  if (tree.overrides()) lister.MarkFirst();
  const std::vector<std::string> omit = context->config->Omit();
  struct Wanted {
    OutdatedEdge edge;
    std::string node;  // Installed location, "" when missing.
    std::string package, range, type;
    bool alias = false;
  };
  std::vector<Wanted> wanted;
  for (const OutdatedEdge& oe : edges) {
    const Edge& e = oe.edge;
    bool found = false;
    std::string node = tree.Resolve(oe.from, e.name, &found);
    if (!found) node.clear();
    // npm's order of questions: an optional peer is an optional dependency here.
    std::string type = e.optional()                    ? "optionalDependencies"
                       : std::string(e.kind) == "peer" ? "peerDependencies"
                       : std::string(e.kind) == "dev"  ? "devDependencies"
                                                       : "dependencies";
    const JsonValue* installed = node.empty() ? nullptr : tree.Entry(node);
    bool omitted = false;
    for (const std::string& flag : omit) omitted |= installed && installed->GetBool(flag);
    if (omitted) continue;
    // A missing edge that is not a plain dependency is left out, as npm does.
    if (node.empty() && !e.optional() && type != "dependencies") continue;
    // An override gives the edge its spec (npm's Edge#spec).
    Result<spec::DepSpec> sp = spec::ResolveSpec(e.name, lister.SpecOf(oe.from, e));
    if (!sp.ok() || !sp->registry()) continue;
    const spec::DepSpec& sub = sp->alias ? *sp->alias : *sp;
    wanted.push_back({oe, node, sub.name, sub.fetch_spec, type, sp->alias != nullptr});
  }
  std::vector<std::string> names;
  for (const Wanted& w : wanted) names.push_back(w.package);
  std::vector<Result<registry::PackumentResult>> docs;
  if (!names.empty()) {
    Result<registry::RegistryClient*> client = context->Client();
    if (!client.ok()) return Fail(client.status().message());
    docs = (*client)->FetchPackuments(names);
  }
  Result<registry::PickOptions> picking = InstallPickOptions(*context->config);
  if (!picking.ok()) return Fail(picking.status().message());
  const registry::PickOptions& pick = *picking;
  std::string root_name = context->project_dir.substr(context->project_dir.rfind('/') + 1);
  std::vector<OutdatedRow> rows;
  for (size_t i = 0; i < wanted.size(); ++i) {
    const Wanted& w = wanted[i];
    if (!docs[i].ok()) {
      // npm outdated ignores E404, E403 and ETARGET for a package and goes on.
      const std::string& message = docs[i].status().message();
      if (docs[i].status().code() == StatusCode::kNotFound || message.rfind("E403", 0) == 0 ||
          message.rfind("E404", 0) == 0) {
        continue;
      }
      return Fail(message);
    }
    const registry::Packument& packument = docs[i]->packument;
    Result<const registry::Manifest*> in_range = registry::PickManifest(packument, w.range, pick);
    Result<const registry::Manifest*> newest = registry::PickManifest(packument, "*", pick);
    if (!in_range.ok() || !newest.ok()) continue;  // ETARGET: ignored, as npm does.
    std::string current = w.node.empty() ? "" : tree.Version(w.node);
    if (!current.empty() && current == (*in_range)->version && (*in_range)->version == (*newest)->version) continue;
    OutdatedRow row;
    const Edge& e = w.edge.edge;
    // npm's `edge.spec.replace('npm', edge.name)` for an alias.
    row.name = e.name;
    if (w.alias) {
      row.name = e.spec;
      size_t at = row.name.find("npm");
      if (at != std::string::npos) row.name.replace(at, 3, e.name);
    }
    row.type = w.type;
    row.current = current;
    row.wanted = (*in_range)->version;
    row.latest = (*newest)->version;
    if (!w.node.empty()) {
      row.has_path = row.has_location = true;
      row.location = w.node;
      row.path = JoinPath(context->project_dir, w.node);
    }
    // Who depends on it: the folder's name (the root's too); a workspace by name@version.
    const std::string& from = w.edge.from;
    if (from.empty()) {
      row.dependent = root_name;
    } else if (lockfile::IsTopLocation(from)) {
      row.dependent = from.substr(from.rfind('/') + 1);
      if (HasWorkspaces(tree)) row.workspace_dependent = tree.Label(from);
    } else {
      row.dependent = lockfile::NameFromLocation(from);
    }
    row.depended_by_location = from;
    row.has_homepage = !packument.homepage.empty();
    row.homepage = packument.homepage;
    rows.push_back(std::move(row));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const OutdatedRow& a, const OutdatedRow& b) {
    int c = lockfile::LocaleCompare(a.name, b.name);
    return c != 0 ? c < 0 : lockfile::LocaleCompare(a.dependent, b.dependent) < 0;
  });
  const bool long_format = parsed.long_format;
  std::string out;
  if (parsed.json) {
    JsonValue json = JsonValue::Object();
    for (const OutdatedRow& r : rows) {
      JsonValue entry = JsonValue::Object();
      if (!r.current.empty()) entry.Set("current", JsonValue::String(r.current));
      entry.Set("wanted", JsonValue::String(r.wanted));
      entry.Set("latest", JsonValue::String(r.latest));
      entry.Set("dependent", JsonValue::String(r.dependent));
      if (r.has_path) entry.Set("location", JsonValue::String(r.path));
      if (long_format) {
        entry.Set("type", JsonValue::String(r.type));
        if (r.has_homepage) entry.Set("homepage", JsonValue::String(r.homepage));
        entry.Set("dependedByLocation", JsonValue::String(r.depended_by_location));
      }
      // A name outdated in several places becomes a list, as npm's --json does.
      if (JsonValue* existing = json.GetMutable(r.name)) {
        if (!existing->is_array()) {
          JsonValue list = JsonValue::Array();
          list.Push(std::move(*existing));
          *existing = std::move(list);
        }
        existing->Push(std::move(entry));
      } else {
        json.Set(r.name, std::move(entry));
      }
    }
    out = StringifyJson(json, "  ") + "\n";
  } else if (parsed.parseable) {
    for (const OutdatedRow& r : rows) {
      std::vector<std::string> fields = {r.path, r.name + "@" + r.wanted,
                                         r.current.empty() ? "MISSING" : r.name + "@" + r.current,
                                         r.name + "@" + r.latest, r.dependent};
      if (long_format) {
        fields.push_back(r.type);
        fields.push_back(r.homepage);
        fields.push_back(r.depended_by_location);
      }
      std::string line;
      for (size_t f = 0; f < fields.size(); ++f) line += (f ? ":" : "") + fields[f];
      out += line + "\n";
    }
  } else if (!rows.empty()) {
    std::vector<std::vector<std::string>> table = {{"Package", "Current", "Wanted", "Latest", "Location", "Depended by"}};
    if (long_format) {
      for (const char* h : {"Package Type", "Homepage", "Depended By Location"}) table[0].push_back(h);
    }
    for (const OutdatedRow& r : rows) {
      std::vector<std::string> cells = {r.name, r.current.empty() ? "MISSING" : r.current, r.wanted, r.latest,
                                        r.has_location ? r.location : "-",
                                        r.workspace_dependent.empty() ? r.dependent : r.workspace_dependent};
      if (long_format) {
        cells.push_back(r.type);
        cells.push_back(r.homepage);
        cells.push_back(r.depended_by_location);
      }
      table.push_back(std::move(cells));
    }
    out = Table(table);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return rows.empty() ? 0 : 1;
}

}  // namespace skua::pm::cli
