#include "pm/lockfile/optional_set.h"

#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pm/lockfile/edges.h"

namespace skua::pm::lockfile {

namespace {

struct Graph {
  // (other end's location, optional edge), out of and into each location.
  std::unordered_map<std::string, std::vector<std::pair<std::string, bool>>> out, in;
  const std::vector<std::pair<std::string, bool>>& Out(const std::string& at) const { return Of(out, at); }
  const std::vector<std::pair<std::string, bool>>& In(const std::string& at) const { return Of(in, at); }

 private:
  static const std::vector<std::pair<std::string, bool>>& Of(
      const std::unordered_map<std::string, std::vector<std::pair<std::string, bool>>>& m, const std::string& at) {
    static const std::vector<std::pair<std::string, bool>> kNone;
    auto found = m.find(at);
    return found == m.end() ? kNone : found->second;
  }
};

// arborist's optionalSet(node) with gatherDepSet's filter (edges into the walked-up part,
// and edges from inert nodes, do not count).
std::set<std::string> OptionalSet(const Graph& graph, const std::string& start, const std::set<std::string>& inert) {
  // Up through the edges that are not optional: those dependents cannot do without it.
  std::vector<std::string> up = {start};
  std::set<std::string> up_set = {start};
  for (size_t i = 0; i < up.size(); ++i) {
    for (const auto& [from, optional] : graph.In(up[i])) {
      if (!optional && up_set.insert(from).second) up.push_back(from);
    }
  }
  // Down through every edge of the gathered nodes...
  std::vector<std::string> order = up;
  std::set<std::string> set = up_set;
  for (size_t i = 0; i < order.size(); ++i) {
    if (inert.count(order[i])) continue;
    for (const auto& [to, optional] : graph.Out(order[i])) {
      if (!up_set.count(to) && set.insert(to).second) order.push_back(to);
    }
  }
  // ...keeping only what no live package outside the set depends on.
  for (bool changed = true; changed && !set.empty();) {
    changed = false;
    for (auto it = set.begin(); it != set.end();) {
      bool needed_outside = false;
      if (!up_set.count(*it)) {
        for (const auto& [from, optional] : graph.In(*it)) {
          if (!set.count(from) && !inert.count(from)) {
            needed_outside = true;
            break;
          }
        }
      }
      if (needed_outside) {
        it = set.erase(it);
        changed = true;
      } else {
        ++it;
      }
    }
  }
  return set;
}

}  // namespace

std::set<std::string> InertLocations(const Lockfile& lock,
                                     const std::function<bool(const LockEntry&)>& unusable) {
  std::set<std::string> inert;
  for (const LockEntry& e : lock.packages) {
    if (e.meta.GetBool("inert")) inert.insert(e.location);
  }
  std::optional<Graph> graph;  // Built at the first unusable entry: most installs have none.
  for (const LockEntry& e : lock.packages) {
    if (!e.meta.GetBool("optional") || inert.count(e.location) || !unusable(e)) continue;
    if (!graph) {
      graph.emplace();
      LockEdges edges(lock);
      for (const LockEntry& from : lock.packages) {
        edges.ForEachLockEdge(from, [&](const LockEdge& edge) {
          graph->out[from.location].emplace_back(edge.target, edge.optional);
          graph->in[edge.target].emplace_back(from.location, edge.optional);
        });
      }
    }
    for (const std::string& location : OptionalSet(*graph, e.location, inert)) inert.insert(location);
  }
  return inert;
}

}  // namespace skua::pm::lockfile
