#include "pm/lockfile/optional_set.h"

#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pm/lockfile/edges.h"

namespace skua::pm::lockfile {

namespace {

// The lockfile's edges by entry number: (other end, optional edge), out of and into each.
struct Graph {
  std::unordered_map<std::string_view, int> id;
  std::vector<std::vector<std::pair<int, bool>>> out, in;
};

// arborist's optionalSet(node) with gatherDepSet's filter (edges into the walked-up part,
// and edges from inert nodes, do not count).
std::set<int> OptionalSet(const Graph& graph, int start, const std::vector<bool>& inert) {
  // Up through the edges that are not optional: those dependents cannot do without it.
  std::vector<int> up = {start};
  std::set<int> up_set = {start};
  for (size_t i = 0; i < up.size(); ++i) {
    for (const auto& [from, optional] : graph.in[up[i]]) {
      if (!optional && up_set.insert(from).second) up.push_back(from);
    }
  }
  // Down through every edge of the gathered nodes...
  std::vector<int> order = up;
  std::set<int> set = up_set;
  for (size_t i = 0; i < order.size(); ++i) {
    if (inert[order[i]]) continue;
    for (const auto& [to, optional] : graph.out[order[i]]) {
      if (!up_set.count(to) && set.insert(to).second) order.push_back(to);
    }
  }
  // ...keeping only what no live package outside the set depends on.
  for (bool changed = true; changed && !set.empty();) {
    changed = false;
    for (auto it = set.begin(); it != set.end();) {
      bool needed_outside = false;
      if (!up_set.count(*it)) {
        for (const auto& [from, optional] : graph.in[*it]) {
          if (!set.count(from) && !inert[from]) {
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
  const std::vector<LockEntry>& entries = lock.packages;
  std::vector<bool> inert(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) inert[i] = entries[i].meta.GetBool("inert");
  std::optional<Graph> graph;  // Built at the first unusable entry: most installs have none.
  for (size_t i = 0; i < entries.size(); ++i) {
    const LockEntry& e = entries[i];
    if (!e.meta.GetBool("optional") || inert[i] || !unusable(e)) continue;
    if (!graph) {
      graph.emplace();
      graph->out.resize(entries.size());
      graph->in.resize(entries.size());
      for (size_t j = 0; j < entries.size(); ++j) graph->id.emplace(entries[j].location, static_cast<int>(j));
      LockEdges edges(lock);
      for (size_t j = 0; j < entries.size(); ++j) {
        edges.ForEachLockEdge(entries[j], [&](const LockEdge& edge) {
          int to = graph->id.at(edge.target);
          graph->out[j].emplace_back(to, edge.optional);
          graph->in[to].emplace_back(static_cast<int>(j), edge.optional);
        });
      }
    }
    for (int n : OptionalSet(*graph, static_cast<int>(i), inert)) inert[n] = true;
  }
  std::set<std::string> locations;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (inert[i]) locations.insert(entries[i].location);
  }
  return locations;
}

}  // namespace skua::pm::lockfile
