// ES module resolution (doc/api/esm.md "Resolution Algorithm Specification") on an
// in-memory tree: URLs, no extension search, formats and Node's error messages.
#include "gtest/gtest.h"
#include "resolver/resolver.h"
#include "resolver/testing/in_memory_file_system.h"

namespace skua::resolver {
namespace {

class EsmResolveTest : public ::testing::Test {
 protected:
  EsmResolveTest() {
    fs_.AddFile("/app/package.json", R"({"name":"app","type":"module"})");
    fs_.AddFile("/app/src/main.mjs");
    fs_.AddFile("/app/src/x.js");
    fs_.AddFile("/app/src/c.cjs");
    fs_.AddFile("/app/src/d.json", "{}");
    fs_.AddFile("/app/src/noext");
    fs_.AddFile("/app/src/a b.js");
    fs_.AddFile("/app/src/dir/index.js");
    fs_.AddFile("/app/src/real.js");
    fs_.AddSymlink("/app/src/link.js", "real.js");
    fs_.AddFile("/app/node_modules/main-dir/package.json", R"({"main":"lib"})");
    fs_.AddFile("/app/node_modules/main-dir/lib/index.js");
    fs_.AddFile("/app/node_modules/main-dir/lib/deep.js");
    fs_.AddFile("/app/node_modules/no-index/package.json", "{}");
    fs_.AddFile("/app/node_modules/cjs/package.json", R"({"type":"commonjs","main":"m.js"})");
    fs_.AddFile("/app/node_modules/cjs/m.js");
    fs_.AddFile("/app/node_modules/bad/package.json", "[1,");
    fs_.AddFile("/other/plain.js");
    options_.builtins = {"fs", "path"};
    options_.scheme_only_builtins = {"test"};
    // Node computes "Did you mean" hints for relative specifiers from the working
    // directory, so the fixture runs "in" the importing module's directory.
    options_.cwd = "/app/src";
  }

  ResolveOr<Resolution> Resolve(std::string_view spec) {
    if (!resolver_) resolver_ = std::make_unique<Resolver>(fs_, options_);
    return resolver_->ResolveImport(spec, "file:///app/src/main.mjs");
  }

  testing::InMemoryFileSystem fs_;
  ResolverOptions options_;
  std::unique_ptr<Resolver> resolver_;
};

TEST_F(EsmResolveTest, ResolvesUrlsWithFormats) {
  struct Case { const char* spec; const char* url; ModuleFormat format; };
  const Case cases[] = {
      {"./x.js", "file:///app/src/x.js", ModuleFormat::kModule},
      {"./c.cjs", "file:///app/src/c.cjs", ModuleFormat::kCommonJs},
      {"./d.json", "file:///app/src/d.json", ModuleFormat::kJson},
      {"./noext", "file:///app/src/noext", ModuleFormat::kModule},
      {"./a b.js", "file:///app/src/a%20b.js", ModuleFormat::kModule},
      {"./a%20b.js", "file:///app/src/a%20b.js", ModuleFormat::kModule},
      {"./x.js?q=1#f", "file:///app/src/x.js?q=1#f", ModuleFormat::kModule},
      {"./link.js", "file:///app/src/real.js", ModuleFormat::kModule},
      {"/other/plain.js", "file:///other/plain.js", ModuleFormat::kUnknown},  // No "type": detect.
      {"file:///app/src/x.js", "file:///app/src/x.js", ModuleFormat::kModule},
      {"main-dir", "file:///app/node_modules/main-dir/lib/index.js", ModuleFormat::kUnknown},
      {"main-dir/lib/deep.js", "file:///app/node_modules/main-dir/lib/deep.js", ModuleFormat::kUnknown},
      {"cjs", "file:///app/node_modules/cjs/m.js", ModuleFormat::kCommonJs},
      {"fs", "node:fs", ModuleFormat::kBuiltin},
      {"node:fs", "node:fs", ModuleFormat::kBuiltin},
      {"node:test", "node:test", ModuleFormat::kBuiltin},
      {"data:text/javascript,1", "data:text/javascript,1", ModuleFormat::kModule},
      {"data:application/json,{}", "data:application/json,{}", ModuleFormat::kJson},
  };
  for (const Case& c : cases) {
    ResolveOr<Resolution> r = Resolve(c.spec);
    ASSERT_TRUE(r.ok()) << c.spec << ": " << r.error().message;
    EXPECT_EQ(r->url, c.url) << c.spec;
    EXPECT_EQ(r->format, c.format) << c.spec;
  }
}

TEST_F(EsmResolveTest, ErrorsCarryNodesCodesAndMessages) {
  const std::string from = " imported from /app/src/main.mjs";
  struct Case { const char* spec; ErrorCode code; std::string message; };
  const Case cases[] = {
      {"./x", ErrorCode::kErrModuleNotFound,
       "Cannot find module '/app/src/x'" + from + "\nDid you mean to import \"./x.js\"?"},
      {"./nope.js", ErrorCode::kErrModuleNotFound, "Cannot find module '/app/src/nope.js'" + from},
      {"./dir", ErrorCode::kUnsupportedDirImport,
       "Directory import '/app/src/dir' is not supported resolving ES modules" + from +
           "\nDid you mean to import \"./dir/index.js\"?"},
      {"main-dir/lib/deep", ErrorCode::kErrModuleNotFound,
       "Cannot find module '/app/node_modules/main-dir/lib/deep'" + from +
           "\nDid you mean to import \"main-dir/lib/deep.js\"?"},
      {"no-index", ErrorCode::kErrModuleNotFound,
       "Cannot find package '/app/node_modules/no-index/index.js'" + from},
      {"nothere", ErrorCode::kErrModuleNotFound, "Cannot find package 'nothere'" + from},
      {"test", ErrorCode::kErrModuleNotFound, "Cannot find package 'test'" + from},
      {"@scope", ErrorCode::kInvalidModuleSpecifier, "Invalid module \"@scope\" is not a valid package name" + from},
      {".hidden", ErrorCode::kInvalidModuleSpecifier, "Invalid module \".hidden\" is not a valid package name" + from},
      {"./a%2Fb.js", ErrorCode::kInvalidModuleSpecifier,
       "Invalid module \"/app/src/a%2Fb.js\" must not include encoded \"/\" or \"\\\" characters" + from},
      {"node:nope", ErrorCode::kUnknownBuiltinModule, "No such built-in module: node:nope"},
      {"https://x/y.js", ErrorCode::kUnsupportedEsmUrlScheme,
       "Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. "
       "Received protocol 'https:'"},
      {"#missing", ErrorCode::kPackageImportNotDefined,
       "Package import specifier \"#missing\" is not defined in package /app/package.json" + from},
      {"#", ErrorCode::kInvalidModuleSpecifier,
       "Invalid module \"#\" is not a valid internal imports specifier name" + from},
      {"app", ErrorCode::kErrModuleNotFound, "Cannot find package 'app'" + from},  // No exports: no self.
  };
  for (const Case& c : cases) {
    ResolveOr<Resolution> r = Resolve(c.spec);
    ASSERT_FALSE(r.ok()) << c.spec;
    EXPECT_EQ(ErrorCodeName(r.error().code), std::string(ErrorCodeName(c.code))) << c.spec;
    EXPECT_EQ(r.error().message, c.message) << c.spec;
  }
  EXPECT_EQ(Resolve("./nope.js").error().url, "file:///app/src/nope.js");
  ResolveOr<Resolution> bad = Resolve("bad");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidPackageConfig);
  EXPECT_EQ(bad.error().message.rfind("Invalid package config /app/node_modules/bad/package.json while "
                                      "importing \"bad\" from /app/src/main.mjs. ", 0), 0u);
}

TEST_F(EsmResolveTest, PreserveSymlinksKeepsTheLinkUrl) {
  options_.preserve_symlinks = true;
  EXPECT_EQ(Resolve("./link.js")->url, "file:///app/src/link.js");
}

TEST_F(EsmResolveTest, TraceListsStepsTried) {
  std::vector<std::string> steps;
  resolver_ = std::make_unique<Resolver>(fs_, options_);
  resolver_->set_trace(&steps);
  ASSERT_TRUE(Resolve("main-dir").ok());
  ASSERT_FALSE(steps.empty());
  EXPECT_NE(std::find(steps.begin(), steps.end(), "read /app/node_modules/main-dir/package.json"), steps.end());
}

}  // namespace
}  // namespace skua::resolver
