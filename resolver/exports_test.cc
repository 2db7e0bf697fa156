// "exports" and "imports": subpaths, patterns, conditions, arrays, null targets and the
// invalid-target rules, through both require and import.
#include "gtest/gtest.h"
#include "resolver/resolver.h"
#include "resolver/testing/in_memory_file_system.h"

namespace skua::resolver {
namespace {

class ExportsTest : public ::testing::Test {
 protected:
  ExportsTest() {
    fs_.AddFile("/app/package.json",
                R"({"name":"app","exports":{".":"./main.js","./sub":"./sub.js"},)"
                R"("imports":{"#int":"./sub.js","#cond":{"import":"./c.mjs","require":"./c.cjs"},)"
                R"("#dep":"pkg","#dep/*":"pkg/*","#bad":"../x.js","#null":null,"#p/*.js":"./p/*.js"}})");
    for (const char* f : {"main.js", "sub.js", "c.mjs", "c.cjs", "p/one.js", "src/main.js"}) {
      fs_.AddFile(std::string("/app/") + f);
    }
    fs_.AddFile("/app/node_modules/pkg/package.json",
                R"({"exports":{".":{"node":{"import":"./n.mjs","require":"./n.cjs"},"default":"./d.js"},)"
                R"("./feat/*":"./src/*.js","./feat/private/*":null,"./feat/x*":"./src/x/*.js",)"
                R"("./arr":["bad:x","./a.js"],"./bad-arr":["../a","/b"],"./null-arr":[null],)"
                R"("./t":"../t.js","./nm":"./node_modules/x.js","./custom":{"custom":"./cu.js","default":"./d.js"},)"
                R"("./num":5,"./numkey":{"0":"./a.js"},"./dir":"./src"}})");
    for (const char* f : {"n.mjs", "n.cjs", "d.js", "a.js", "cu.js", "src/a.js", "src/x/y.js", "src/index.js"}) {
      fs_.AddFile(std::string("/app/node_modules/pkg/") + f);
    }
    fs_.AddFile("/app/node_modules/mixed/package.json", R"({"exports":{".":"./a.js","x":"./b.js"}})");
    fs_.AddFile("/app/node_modules/@s/p/package.json", R"({"exports":"./a.js"})");
    fs_.AddFile("/app/node_modules/@s/p/a.js");
  }

  std::string Require(std::string_view spec, std::vector<std::string> conditions = {}) {
    ResolverOptions options;
    options.conditions = std::move(conditions);
    Resolver resolver(fs_, options);
    ResolveOr<Resolution> r = resolver.ResolveRequire(spec, "/app/src/main.js");
    return r.ok() ? r->path : std::string(ErrorCodeName(r.error().code)) + ": " + r.error().message;
  }
  std::string Import(std::string_view spec) {
    Resolver resolver(fs_, ResolverOptions{});
    ResolveOr<Resolution> r = resolver.ResolveImport(spec, "file:///app/src/main.js");
    return r.ok() ? r->url : std::string(ErrorCodeName(r.error().code)) + ": " + r.error().message;
  }

  testing::InMemoryFileSystem fs_;
};

TEST_F(ExportsTest, RequireUsesTheRequireBranch) {
  const std::string pkg = "/app/node_modules/pkg/";
  const std::string pj = " in the package config /app/node_modules/pkg/package.json";
  struct Case { const char* spec; std::string expected; };
  const Case cases[] = {
      {"pkg", pkg + "n.cjs"},  // Nested conditions: node → require.
      {"pkg/feat/a", pkg + "src/a.js"},
      {"pkg/feat/xy", pkg + "src/x/y.js"},  // Longer prefix wins over ./feat/*.
      {"pkg/arr", pkg + "a.js"},            // Invalid array entries are skipped.
      {"pkg/custom", pkg + "d.js"},
      {"@s/p", "/app/node_modules/@s/p/a.js"},
      {"app", "/app/main.js"},  // Self-reference.
      {"app/sub", "/app/sub.js"},
      {"#int", "/app/sub.js"},
      {"#cond", "/app/c.cjs"},
      {"#dep", pkg + "n.cjs"},  // Bare target: resolved as a package (ESM rules).
      {"#p/one.js", "/app/p/one.js"},
      {"pkg/feat/private/x",
       "ERR_PACKAGE_PATH_NOT_EXPORTED: Package subpath './feat/private/x' is not defined by \"exports\" in "
       "/app/node_modules/pkg/package.json"},
      {"pkg/null-arr",
       "ERR_PACKAGE_PATH_NOT_EXPORTED: Package subpath './null-arr' is not defined by \"exports\" in "
       "/app/node_modules/pkg/package.json"},
      {"pkg/nope",
       "ERR_PACKAGE_PATH_NOT_EXPORTED: Package subpath './nope' is not defined by \"exports\" in "
       "/app/node_modules/pkg/package.json"},
      {"pkg/t", "ERR_INVALID_PACKAGE_TARGET: Invalid \"exports\" target \"../t.js\" defined for './t'" + pj +
                    "; targets must start with \"./\""},
      {"pkg/nm", "ERR_INVALID_PACKAGE_TARGET: Invalid \"exports\" target \"./node_modules/x.js\" defined for "
                 "'./nm'" + pj},
      {"pkg/bad-arr", "ERR_INVALID_PACKAGE_TARGET: Invalid \"exports\" target \"/b\" defined for './bad-arr'" + pj +
                          "; targets must start with \"./\""},
      {"pkg/num", "ERR_INVALID_PACKAGE_TARGET: Invalid \"exports\" target \"5\" defined for './num'" + pj +
                      "; targets must start with \"./\""},
      {"pkg/numkey", "ERR_INVALID_PACKAGE_CONFIG: Invalid package config /app/node_modules/pkg/package.json. "
                     "\"exports\" cannot contain numeric property keys."},
      {"pkg/dir", "MODULE_NOT_FOUND: Cannot find module '/app/node_modules/pkg/src'"},
      {"mixed", "ERR_INVALID_PACKAGE_CONFIG: Invalid package config /app/node_modules/mixed/package.json. "
                "\"exports\" cannot contain some keys starting with '.' and some not. The exports object must "
                "either be an object of package subpath keys or an object of main entry condition name keys "
                "only."},
      {"app/nope", "ERR_PACKAGE_PATH_NOT_EXPORTED: Package subpath './nope' is not defined by \"exports\" in "
                   "/app/package.json imported from /app/src/main.js"},
      {"#bad", "ERR_INVALID_PACKAGE_TARGET: Invalid \"imports\" target \"../x.js\" defined for '#bad' in the "
               "package config /app/package.json imported from /app/src/main.js"},
      {"#null", "ERR_PACKAGE_IMPORT_NOT_DEFINED: Package import specifier \"#null\" is not defined in package "
                "/app/package.json imported from /app/src/main.js"},
      {"#nope", "ERR_PACKAGE_IMPORT_NOT_DEFINED: Package import specifier \"#nope\" is not defined in package "
                "/app/package.json imported from /app/src/main.js"},
  };
  for (const Case& c : cases) EXPECT_EQ(Require(c.spec), c.expected) << c.spec;
}

TEST_F(ExportsTest, ImportUsesTheImportBranch) {
  EXPECT_EQ(Import("pkg"), "file:///app/node_modules/pkg/n.mjs");
  EXPECT_EQ(Import("#cond"), "file:///app/c.mjs");
  EXPECT_EQ(Import("#dep/feat/a"), "file:///app/node_modules/pkg/src/a.js");
  EXPECT_EQ(Import("app/sub"), "file:///app/sub.js");
  EXPECT_EQ(Import("pkg/feat/private/x"),
            "ERR_PACKAGE_PATH_NOT_EXPORTED: Package subpath './feat/private/x' is not defined by \"exports\" in "
            "/app/node_modules/pkg/package.json imported from /app/src/main.js");
  EXPECT_EQ(Import("pkg/dir"),
            "ERR_UNSUPPORTED_DIR_IMPORT: Directory import '/app/node_modules/pkg/src' is not supported resolving "
            "ES modules imported from /app/src/main.js");
}

TEST_F(ExportsTest, UserConditionsComeFirstInDocumentOrder) {
  EXPECT_EQ(Require("pkg/custom", {"custom"}), "/app/node_modules/pkg/cu.js");
  EXPECT_EQ(Require("pkg", {"custom"}), "/app/node_modules/pkg/n.cjs");
}

TEST_F(ExportsTest, PatternSubpathMayNotEscape) {
  EXPECT_EQ(Require("pkg/feat/../a"),
            "ERR_INVALID_MODULE_SPECIFIER: Invalid module \"./feat/../a\" request is not a valid match in pattern "
            "\"./feat/*\" for the \"exports\" resolution of /app/node_modules/pkg/package.json");
}

}  // namespace
}  // namespace skua::resolver
