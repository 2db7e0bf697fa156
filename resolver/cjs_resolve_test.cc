// CommonJS resolution rules (doc/api/modules.md "All together") on an in-memory tree.
#include "gtest/gtest.h"
#include "resolver/resolver.h"
#include "resolver/testing/in_memory_file_system.h"

namespace skua::resolver {
namespace {

class CjsResolveTest : public ::testing::Test {
 protected:
  CjsResolveTest() {
    fs_.AddFile("/app/src/main.js");
    fs_.AddFile("/app/src/x.js");
    fs_.AddFile("/app/src/x.json", "{}");
    fs_.AddFile("/app/src/data.json", "{}");
    fs_.AddFile("/app/src/addon.node");
    fs_.AddFile("/app/src/both.js");
    fs_.AddFile("/app/src/both/index.js");
    fs_.AddFile("/app/src/dir/index.js");
    fs_.AddFile("/app/src/jsondir/index.json", "{}");
    fs_.AddFile("/app/src/file.ts");
    fs_.AddFile("/app/src/mod.mjs");
    fs_.AddFile("/app/src/withmain/package.json", R"({"main":"./lib/entry"})");
    fs_.AddFile("/app/src/withmain/lib/entry.js");
    fs_.AddFile("/app/src/mainindex/package.json", R"({"main":"lib"})");
    fs_.AddFile("/app/src/mainindex/lib/index.js");
    fs_.AddFile("/app/src/badmain/package.json", R"({"main":"gone.js"})");
    fs_.AddFile("/app/src/badmain/index.js");
    fs_.AddFile("/app/src/nomain/package.json", R"({"main":"gone.js"})");
    fs_.AddFile("/app/src/real/target.js");
    fs_.AddSymlink("/app/src/link.js", "real/target.js");
    fs_.AddFile("/app/package.json", R"({"name":"app","type":"module"})");
    fs_.AddFile("/app/node_modules/plain/index.js");
    fs_.AddFile("/app/node_modules/plain/lib/deep.js");
    fs_.AddFile("/app/node_modules/@s/p/index.js");
    fs_.AddFile("/app/node_modules/a/node_modules/b/index.js");
    fs_.AddFile("/app/node_modules/a/index.js");
    fs_.AddFile("/node_modules/top/index.js");
    fs_.AddFile("/app/node_modules/bad/package.json", "{bad");
    fs_.AddFile("/global/g/index.js");
    fs_.AddFile("/store/linked/index.js");
    fs_.AddSymlink("/app/node_modules/linked", "/store/linked");
    options_.builtins = {"fs", "path", "fs/promises"};
    options_.scheme_only_builtins = {"test"};
    options_.global_paths = {"/global"};
    options_.cwd = "/app";
  }

  ResolveOr<Resolution> Resolve(std::string_view spec, const RequireOptions& extra = {}) {
    if (!resolver_) resolver_ = std::make_unique<Resolver>(fs_, options_);
    return resolver_->ResolveRequire(spec, "/app/src/main.js", extra);
  }

  testing::InMemoryFileSystem fs_;
  ResolverOptions options_;
  std::unique_ptr<Resolver> resolver_;
};

TEST_F(CjsResolveTest, FilesDirectoriesAndPackages) {
  struct Case { const char* spec; const char* path; };
  const Case cases[] = {
      {"./x", "/app/src/x.js"},                  // .js before .json.
      {"./x.json", "/app/src/x.json"},
      {"./data", "/app/src/data.json"},
      {"./addon", "/app/src/addon.node"},
      {"./file.ts", "/app/src/file.ts"},         // Any existing file, unknown extension too.
      {"./both", "/app/src/both.js"},            // A file beats a directory.
      {"./both/", "/app/src/both/index.js"},     // A trailing slash skips files.
      {"./dir", "/app/src/dir/index.js"},
      {"./jsondir", "/app/src/jsondir/index.json"},
      {"./withmain", "/app/src/withmain/lib/entry.js"},
      {"./mainindex", "/app/src/mainindex/lib/index.js"},
      {"./badmain", "/app/src/badmain/index.js"},  // DEP0128 fallback.
      {"/app/src/x", "/app/src/x.js"},
      {"../src/x", "/app/src/x.js"},
      {"./link.js", "/app/src/real/target.js"},  // Symlinks resolve to the real path.
      {"plain", "/app/node_modules/plain/index.js"},
      {"plain/lib/deep", "/app/node_modules/plain/lib/deep.js"},
      {"@s/p", "/app/node_modules/@s/p/index.js"},
      {"top", "/node_modules/top/index.js"},     // Found two levels up.
      {"g", "/global/g/index.js"},               // NODE_PATH / global folders last.
      {"linked", "/store/linked/index.js"},
      {"fs", "fs"},
      {"node:fs", "node:fs"},
      {"node:test", "node:test"},
  };
  for (const Case& c : cases) {
    ResolveOr<Resolution> r = Resolve(c.spec);
    ASSERT_TRUE(r.ok()) << c.spec << ": " << r.error().message;
    EXPECT_EQ(r->path, c.path) << c.spec;
  }
}

TEST_F(CjsResolveTest, Errors) {
  struct Case { const char* spec; ErrorCode code; const char* message; };
  const Case cases[] = {
      {"./nope", ErrorCode::kModuleNotFound, "Cannot find module './nope'\nRequire stack:\n- /app/src/main.js"},
      {"./mod", ErrorCode::kModuleNotFound, "Cannot find module './mod'\nRequire stack:\n- /app/src/main.js"},
      {"test", ErrorCode::kModuleNotFound, "Cannot find module 'test'\nRequire stack:\n- /app/src/main.js"},
      {"node:nope", ErrorCode::kModuleNotFound, "Cannot find module 'node:nope'\nRequire stack:\n- /app/src/main.js"},
      {"b", ErrorCode::kModuleNotFound, "Cannot find module 'b'\nRequire stack:\n- /app/src/main.js"},
      {"./nomain", ErrorCode::kModuleNotFound,
       "Cannot find module '/app/src/nomain/gone.js'. Please verify that the package.json has a valid \"main\" entry"},
      {"bad", ErrorCode::kInvalidPackageConfig, nullptr},
  };
  for (const Case& c : cases) {
    ResolveOr<Resolution> r = Resolve(c.spec);
    ASSERT_FALSE(r.ok()) << c.spec;
    EXPECT_EQ(r.error().code, c.code) << c.spec;
    if (c.message != nullptr) {
      EXPECT_EQ(r.error().message, c.message) << c.spec;
    }
  }
  EXPECT_EQ(Resolve("bad").error().message.rfind("Error parsing /app/node_modules/bad/package.json: ", 0), 0u);
}

TEST_F(CjsResolveTest, FormatsFollowExtensionAndType) {
  EXPECT_EQ(Resolve("./x")->format, ModuleFormat::kModule);  // "type": "module" scope.
  EXPECT_EQ(Resolve("./data")->format, ModuleFormat::kJson);
  EXPECT_EQ(Resolve("./addon")->format, ModuleFormat::kAddon);
  EXPECT_EQ(Resolve("./mod.mjs")->format, ModuleFormat::kModule);
  EXPECT_EQ(Resolve("plain")->format, ModuleFormat::kCommonJs);  // node_modules ends the scope.
  EXPECT_EQ(Resolve("fs")->format, ModuleFormat::kBuiltin);
}

TEST_F(CjsResolveTest, PackageScopeType) {
  Resolve("./x");  // Creates the resolver.
  EXPECT_EQ(*resolver_->PackageScopeType("/app/src/x.js"), ModuleFormat::kModule);
  // A node_modules directory ends the scope: no package.json above plain/index.js counts.
  EXPECT_EQ(*resolver_->PackageScopeType("/app/node_modules/plain/index.js"),
            ModuleFormat::kUnknown);
  ResolveOr<ModuleFormat> bad = resolver_->PackageScopeType("/app/node_modules/bad/index.js");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidPackageConfig);
}

TEST_F(CjsResolveTest, NestedNodeModulesAndLookupPaths) {
  Resolver resolver(fs_, options_);
  ResolveOr<Resolution> r = resolver.ResolveRequire("b", "/app/node_modules/a/index.js");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->path, "/app/node_modules/a/node_modules/b/index.js");
  EXPECT_EQ(Resolver::NodeModulePaths("/app/node_modules/a"),
            (std::vector<std::string>{"/app/node_modules/a/node_modules", "/app/node_modules", "/node_modules"}));
  EXPECT_EQ(resolver.RequireLookupPaths("x", "/app/src/main.js"),
            (std::vector<std::string>{"/app/src/node_modules", "/app/node_modules", "/node_modules", "/global"}));
  EXPECT_EQ(resolver.RequireLookupPaths("./x", "/app/src/main.js"), (std::vector<std::string>{"/app/src"}));
  EXPECT_FALSE(resolver.RequireLookupPaths("fs", "/app/src/main.js").has_value());
}

TEST_F(CjsResolveTest, OptionsPathsPreserveSymlinksAndLoad) {
  RequireOptions extra;
  extra.paths = std::vector<std::string>{"/app/node_modules/a"};
  EXPECT_EQ(Resolve("b", extra)->path, "/app/node_modules/a/node_modules/b/index.js");
  extra.paths = std::vector<std::string>{"/app/src/dir"};
  EXPECT_EQ(Resolve("./index", extra)->path, "/app/src/dir/index.js");
  RequireOptions load;
  load.for_load = true;
  EXPECT_EQ(Resolve("node:nope", load).error().code, ErrorCode::kUnknownBuiltinModule);
  EXPECT_EQ(Resolve("node:nope", load).error().message, "No such built-in module: node:nope");

  options_.preserve_symlinks = true;
  Resolver preserving(fs_, options_);
  EXPECT_EQ(preserving.ResolveRequire("./link.js", "/app/src/main.js")->path, "/app/src/link.js");
  EXPECT_EQ(preserving.ResolveRequire("linked", "/app/src/main.js")->path, "/app/node_modules/linked/index.js");
}

TEST_F(CjsResolveTest, RegisteredExtensionsAreTriedInOrder) {
  options_.extensions = {".js", ".json", ".node", ".ts"};
  fs_.AddFile("/app/src/only.ts");
  EXPECT_EQ(Resolve("./only")->path, "/app/src/only.ts");
}

}  // namespace
}  // namespace skua::resolver
