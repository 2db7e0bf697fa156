// Tree and Node bookkeeping the builder relies on: locations, the counters that tell it
// when cached answers go stale, interned edge strings.
#include "pm/tree/node.h"

#include <gtest/gtest.h>

namespace skua::pm::tree {
namespace {

Node* Named(Tree& tree, const std::string& name, Node* parent) {
  Node* n = tree.NewNode();
  n->name = name;
  tree.SetParent(n, parent);
  return n;
}

TEST(NodeTest, Locations) {
  Tree tree;
  Node* a = Named(tree, "a", tree.root());
  Node* b = Named(tree, "@s/b", a);
  Node* c = Named(tree, "c", b);
  EXPECT_EQ(tree.root()->Location(), "");
  EXPECT_EQ(a->Location(), "node_modules/a");
  EXPECT_EQ(b->Location(), "node_modules/a/node_modules/@s/b");
  EXPECT_EQ(c->Location(), "node_modules/a/node_modules/@s/b/node_modules/c");
  // Below a node outside node_modules (a link target), its folder comes first.
  Node* target = tree.NewNode();
  target->name = "web";
  target->realpath = "packages/web";
  tree.SetFsParent(target, tree.root());
  Node* d = Named(tree, "d", target);
  EXPECT_EQ(target->Location(), "packages/web");
  EXPECT_EQ(d->Location(), "packages/web/node_modules/d");
  tree.SetParent(c, nullptr);  // Detached: no parent, no realpath.
  EXPECT_EQ(c->Location(), "");
}

TEST(NodeTest, ShapeAndRelocations) {
  Tree tree;
  uint64_t shape = tree.shape(), moves = tree.relocations();
  Node* a = Named(tree, "a", tree.root());
  EXPECT_NE(tree.shape(), shape);
  EXPECT_EQ(tree.relocations(), moves);  // A new node moves nobody.
  shape = tree.shape();
  tree.SetParent(a, tree.root());  // Already there.
  EXPECT_EQ(tree.shape(), shape);
  Node* b = Named(tree, "b", tree.root());
  tree.SetParent(b, a);  // A move.
  EXPECT_EQ(tree.relocations(), moves + 1);
  Node* a2 = Named(tree, "a", tree.root());  // Replaces a, which is detached.
  EXPECT_EQ(tree.relocations(), moves + 2);
  EXPECT_EQ(a->parent, nullptr);
  EXPECT_EQ(tree.root()->children.at("a"), a2);
}

TEST(NodeTest, EdgeTargetFollowsTheTree) {
  Tree tree;
  Node* a = Named(tree, "a", tree.root());
  a->mutable_package().dependencies = {{"b", "^1.0.0"}};
  AddEdges(a, false, false);
  const Edge& e = a->edges.at(0);
  EXPECT_EQ(e.To(), nullptr);
  Node* top_b = Named(tree, "b", tree.root());
  EXPECT_EQ(e.To(), top_b);  // Cached answers end when the shape changes.
  Node* nested_b = Named(tree, "b", a);
  EXPECT_EQ(e.To(), nested_b);
  tree.SetParent(nested_b, nullptr);
  EXPECT_EQ(e.To(), top_b);
}

TEST(NodeTest, InternKeepsOneCopy) {
  Tree tree;
  std::string text = "^1.2.3";
  std::string_view kept = tree.Intern(text);
  text = "changed";
  EXPECT_EQ(kept, "^1.2.3");
  EXPECT_EQ(tree.Intern("^1.2.3").data(), kept.data());
}

TEST(NodeTest, SharedManifestIsCopiedOnWrite) {
  Tree tree;
  Node* a = tree.NewNode();
  a->mutable_package().name = "x";
  Node* copy = tree.NewNode();
  copy->manifest = a->manifest;
  copy->mutable_package().name = "y";
  EXPECT_EQ(a->package().name, "x");
  EXPECT_EQ(copy->package().name, "y");
  Node* fresh = tree.NewNode();
  EXPECT_EQ(fresh->package().name, "");  // The shared empty manifest stayed empty.
}

}  // namespace
}  // namespace skua::pm::tree
