// Differential test: builds real package trees in a temp directory, resolves every
// specifier × parent × condition set with skua and with Node 20 (require.resolve,
// import.meta.resolve and import()), and requires identical results and messages.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "resolver/json_value.h"
#include "resolver/real_file_system.h"
#include "resolver/resolver.h"

namespace skua::resolver {
namespace {

constexpr char kNode[] = "/usr/bin/node";

std::string root;  // Real path of the generated tree.

void Write(const std::string& rel, const std::string& text) {
  std::string path = root + "/" + rel;
  std::string cmd = "mkdir -p '" + path.substr(0, path.rfind('/')) + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::ofstream(path) << text;
}

void Link(const std::string& rel, const std::string& target) {
  std::string path = root + "/" + rel;
  std::string cmd = "mkdir -p '" + path.substr(0, path.rfind('/')) + "' && ln -sfn '" + target + "' '" + path + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
}

constexpr char kProbe[] =
    "export const r = (s) => import.meta.resolve(s);\n"
    "export const i = (s) => import(s);\n";

// The generated tree: one application package and node_modules packages of every shape
// the resolver distinguishes.
void BuildTree() {
  Write("app/package.json",
        R"({"name":"app","exports":{".":"./src/index.js","./sub":"./src/sub.js","./feat/*":"./src/feat/*.js"},)"
        R"("imports":{"#int":"./src/sub.js","#cond":{"import":"./src/c.mjs","require":"./src/c.cjs"},)"
        R"("#dep":"plain","#dep/*":"plain/*","#bad":"../x.js","#null":null,"#pat/*.js":"./src/feat/*.js",)"
        R"("#custom":{"custom":"./src/custom.js","default":"./src/sub.js"}}})");
  for (const char* f : {"src/index.js", "src/sub.js", "src/c.cjs", "src/feat/a.js", "src/feat/b.js",
                        "src/custom.js", "src/x.js", "src/data.json", "src/both.js", "src/both/index.js",
                        "src/dir/index.js", "src/mainless/index.json", "src/native.node", "src/noext",
                        "src/a b.js", "src/deep/nested/leaf.js"}) {
    Write(std::string("app/") + f, "");
  }
  Write("app/src/c.mjs", "");
  Write("app/src/m.mjs", "");
  Write("app/src/data.json", "{}");
  Write("app/src/mainless/index.json", "{}");
  Write("app/src/withmain/package.json", R"({"main":"./entry"})");
  Write("app/src/withmain/entry.js", "");
  Write("app/src/__probe.mjs", kProbe);
  Write("app/src/deep/nested/__probe.mjs", kProbe);
  Write("app/__probe.mjs", kProbe);
  Write("__probe.mjs", kProbe);
  Link("app/src/link.js", "x.js");
  Link("app/src/linkdir", "dir");

  const std::string nm = "app/node_modules/";
  Write(nm + "plain/index.js", "");
  Write(nm + "plain/lib/deep.js", "");
  Write(nm + "plain/lib/data.json", "{}");
  Write(nm + "main-file/package.json", R"({"main":"lib/main"})");
  Write(nm + "main-file/lib/main.js", "");
  Write(nm + "main-dir/package.json", R"({"main":"lib"})");
  Write(nm + "main-dir/lib/index.js", "");
  Write(nm + "bad-main/package.json", R"({"main":"missing.js"})");
  Write(nm + "bad-main/index.js", "");
  Write(nm + "no-main-no-index/package.json", R"({"main":"nothing.js"})");
  Write(nm + "no-main-no-index/other.js", "");
  Write(nm + "empty-pkg/package.json", "{}");
  Write(nm + "exp-string/package.json", R"({"name":"exp-string","exports":"./e.js"})");
  Write(nm + "exp-string/e.js", "");
  Write(nm + "exp-string/hidden.js", "");
  Write(nm + "exp-cond/package.json",
        R"({"exports":{".":{"import":"./e.mjs","require":"./e.cjs"},"./feat/*":"./src/feat/*.js",)"
        R"("./feat/private/*":null,"./package.json":"./package.json","./arr":["bad:x","./e.cjs"],)"
        R"("./arr-invalid":["../a.js","/b.js"],"./arr-null":[null,"./e.cjs"],"./dir/":"./src/",)"
        R"("./t":"../t.js","./nm":"./node_modules/x.js","./num":5,"./obj-num":{"0":"./e.cjs"},)"
        R"("./missing":"./not-there.js","./dot":"./src/./feat/a.js","./star/*":"./src/*/index.js",)"
        R"("./*.js":"./dist/*.js","./longer/*":"./src/feat/*.js","./longer/a*":"./src/feat/b*"}})");
  for (const char* f : {"e.mjs", "e.cjs", "src/feat/a.js", "src/feat/sub/x.js", "dist/z.js", "src/feat/b.js",
                        "src/one/index.js"}) {
    Write(nm + "exp-cond/" + f, "");
  }
  Write(nm + "nested-cond/package.json",
        R"({"exports":{"node":{"import":"./n.mjs","require":"./n.cjs"},"default":"./d.js"}})");
  for (const char* f : {"n.mjs", "n.cjs", "d.js"}) Write(nm + "nested-cond/" + f, "");
  Write(nm + "custom-cond/package.json",
        R"({"exports":{".":{"custom":"./c.js","default":"./d.js"},"./x":{"custom":null,"default":"./d.js"}}})");
  for (const char* f : {"c.js", "d.js"}) Write(nm + "custom-cond/" + f, "");
  Write(nm + "@sc/pkg/package.json", R"({"exports":{".":"./a.js","./b/*.js":"./b/*.js","./b/internal/*":null}})");
  Write(nm + "@sc/pkg/a.js", "");
  Write(nm + "@sc/pkg/b/one.js", "");
  Write(nm + "@sc/plain/index.js", "");
  Write(nm + "esm-pkg/package.json", R"({"type":"module","main":"index.js"})");
  Write(nm + "esm-pkg/index.js", "");
  Write(nm + "esm-pkg/other.js", "");
  Write("linked-real/package.json", R"({"main":"main.js"})");
  Write("linked-real/main.js", "");
  Link(nm + "linked", "../../linked-real");
  Write(nm + "outer/index.js", "");
  Write(nm + "outer/node_modules/inner/index.js", "");
  Write(nm + "outer/__probe.mjs", kProbe);
  Write(nm + "mixed/package.json", R"({"exports":{".":"./a.js","x":"./b.js"}})");
  Write(nm + "bad-json/package.json", "{bad");
  Write(nm + "null-exports/package.json", R"({"exports":null,"main":"m.js"})");
  Write(nm + "null-exports/m.js", "");
  Write(nm + "exp-dir/package.json", R"({"exports":{"./d":"./dir"}})");
  Write(nm + "exp-dir/dir/index.js", "");
  Write("node_modules/top/index.js", "");
}

std::vector<std::string> Specifiers() {
  return {"./x", "./x.js", "./nope", "./dir", "./dir/", "./both", "./data", "./data.json", "./mainless",
          "./withmain", "./native", "./noext", "./link.js", "./linkdir", "../src/x", "./a b.js",
          "./a%20b.js", "./x.js?q=1#h", "./a%2Fb.js", "./c.mjs", "./c.cjs", ".", "..", "./feat/a",
          "/nonexistent/abs.js", "app", "app/sub", "app/feat/a", "app/feat/zz", "app/nope", "#int", "#cond",
          "#dep", "#dep/lib/deep.js", "#bad", "#null", "#missing", "#", "#/x", "#pat/a.js", "#custom",
          "plain", "plain/lib/deep", "plain/lib/deep.js", "plain/lib/data", "plain/nope", "main-file",
          "main-dir", "bad-main", "no-main-no-index", "empty-pkg", "exp-string", "exp-string/hidden.js",
          "exp-cond", "exp-cond/feat/a", "exp-cond/feat/sub/x", "exp-cond/feat/private/x",
          "exp-cond/package.json", "exp-cond/arr", "exp-cond/arr-invalid", "exp-cond/arr-null",
          "exp-cond/dir/x.js", "exp-cond/t", "exp-cond/nm", "exp-cond/num", "exp-cond/obj-num",
          "exp-cond/missing", "exp-cond/dot", "exp-cond/star/one", "exp-cond/z.js", "exp-cond/longer/a",
          "exp-cond/longer/ab", "exp-cond/feat/..%2fx", "exp-cond/feat/../e", "nested-cond", "custom-cond",
          "custom-cond/x", "@sc/pkg", "@sc/pkg/b/one.js", "@sc/pkg/b/internal/q", "@sc/pkg/nope",
          "@sc/plain", "@sc", "@sc/", "esm-pkg", "esm-pkg/other.js", "linked", "outer", "inner", "top",
          "mixed", "bad-json", "null-exports", "exp-dir/d", "nothere", ".hidden", "fs", "node:fs",
          "fs/promises", "node:test", "test", "node:nope", "https://x/y.js", "data:text/javascript,1",
          "file:///nonexistent/x.js", "pkg:thing"};
}

struct NodeEnv {
  std::vector<std::string> builtins, scheme_only, global_paths;
};

std::string RunNode(const std::string& args) {
  std::string cmd = "cd '" + root + "' && " + kNode + " " + args;
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), pipe)) > 0) out.append(buf, n);
  pclose(pipe);
  return out;
}

// Pulls the strings of a JSON array `"key":[...]` out of the driver's --env line.
std::vector<std::string> JsonStrings(const std::string& json, const std::string& key) {
  std::vector<std::string> out;
  size_t at = json.find("\"" + key + "\":[");
  if (at == std::string::npos) return out;
  size_t i = json.find('[', at) + 1;
  while (i < json.size() && json[i] != ']') {
    if (json[i] == '"') {
      size_t end = json.find('"', i + 1);
      out.push_back(json.substr(i + 1, end - i - 1));
      i = end + 1;
    } else {
      ++i;
    }
  }
  return out;
}

// JSON.parse's wording is V8's and skua reports simdjson's: compare up to it.
std::string NormalizeJsonDetail(const std::string& line) {
  if (line.rfind("ERR\tundefined\t\"Error parsing ", 0) == 0) return line.substr(0, line.find(": ")) + "\"";
  size_t from = line.find("\\\" from ");
  if (line.find("ERR_INVALID_PACKAGE_CONFIG") != std::string::npos && from != std::string::npos) {
    return line.substr(0, line.find(". ", from));
  }
  return line;
}

// One result line in the driver's format.
std::string Format(const ResolveOr<Resolution>& r, bool esm) {
  if (r.ok()) return "OK\t" + (esm ? r->url : r->path);
  const ResolveError& e = r.error();
  std::string code = ErrorCodeName(e.code);
  std::string message = e.message;
  // JSON.parse's wording is V8's; compare only up to it.
  if (!esm && message.rfind("Error parsing ", 0) == 0) {
    return "ERR\tundefined\t" + JsonQuote(message.substr(0, message.find(": ")));
  }
  return NormalizeJsonDetail("ERR\t" + code + "\t" + JsonQuote(message));
}

void RunConditionSet(const NodeEnv& env, const std::vector<std::string>& conditions, int* compared) {
  ResolverOptions options;
  options.builtins = env.builtins;
  options.scheme_only_builtins = env.scheme_only;
  options.global_paths = env.global_paths;
  options.conditions = conditions;
  options.cwd = root;
  RealFileSystem fs;
  Resolver resolver(fs, options);

  std::vector<std::string> parents = {root + "/app/src/__probe.mjs", root + "/app/src/deep/nested/__probe.mjs",
                                      root + "/app/__probe.mjs", root + "/app/node_modules/outer/__probe.mjs",
                                      root + "/__probe.mjs"};
  std::ostringstream cases;
  std::vector<std::string> expected;
  for (const std::string& parent : parents) {
    for (const std::string& spec : Specifiers()) {
      cases << "cjs\t" << parent << "\t" << spec << "\n";
      expected.push_back(Format(resolver.ResolveRequire(spec, parent), false));
      cases << "esm\t" << parent << "\t" << spec << "\n";
      ResolveOr<Resolution> esm = resolver.ResolveImport(spec, "file://" + parent);
      // import.meta.resolve returns the URL of not-found files and unchecked builtins.
      if (esm.ok()) {
        expected.push_back(Format(esm, true));
        expected.push_back("-");
      } else if (!esm.error().url.empty()) {
        expected.push_back("OK\t" + esm.error().url);
        expected.push_back(Format(esm, true));
      } else if (esm.error().code == ErrorCode::kUnknownBuiltinModule ||
                 esm.error().code == ErrorCode::kUnsupportedEsmUrlScheme) {
        expected.push_back("OK\t" + spec);
        expected.push_back(Format(esm, true));
      } else {
        expected.push_back(Format(esm, true));
        expected.push_back("-");
      }
    }
  }
  std::string list = root + "/cases.txt";
  std::ofstream(list) << cases.str();
  std::string flags;
  for (const std::string& c : conditions) flags += " -C " + c;
  std::string output = RunNode(flags + " '" + std::string(getenv("DRIVER")) + "' '" + list + "'");
  std::istringstream lines(output);
  std::vector<std::string> actual;
  for (std::string line; std::getline(lines, line);) actual.push_back(NormalizeJsonDetail(line));
  ASSERT_EQ(actual.size(), expected.size()) << output.substr(0, 2000);

  std::istringstream case_lines(cases.str());
  std::vector<std::string> case_list;
  for (std::string line; std::getline(case_lines, line);) {
    case_list.push_back(line);
    if (line.rfind("esm", 0) == 0) case_list.push_back(line + " (import())");
  }
  for (size_t i = 0; i < expected.size(); ++i) {
    if (expected[i] != actual[i]) {
      auto shorten = [](std::string text) {
        for (size_t at; (at = text.find(root)) != std::string::npos;) text.replace(at, root.size(), "<root>");
        return text;
      };
      ADD_FAILURE() << shorten(case_list[i]) << flags << "\n  skua: " << shorten(expected[i])
                    << "\n  node: " << shorten(actual[i]);
    }
    ++*compared;
  }
}

TEST(DifferentialTest, MatchesNode20) {
  if (access(kNode, X_OK) != 0) GTEST_SKIP() << "no " << kNode;
  const char* tmp = getenv("TEST_TMPDIR");
  std::string dir = std::string(tmp ? tmp : "/tmp") + "/skua-resolve-XXXXXX";
  ASSERT_NE(mkdtemp(dir.data()), nullptr);
  char real[4096];
  ASSERT_NE(realpath(dir.c_str(), real), nullptr);
  root = real;
  if (getenv("DRIVER") == nullptr) {
    char cwd[4096];
    ASSERT_NE(getcwd(cwd, sizeof(cwd)), nullptr);
    setenv("DRIVER", (std::string(cwd) + "/resolver/testdata/node_resolve_driver.js").c_str(), 1);
  }
  BuildTree();
  NodeEnv env;
  std::string env_json = RunNode("'" + std::string(getenv("DRIVER")) + "' --env");
  env.builtins = JsonStrings(env_json, "builtins");
  env.scheme_only = JsonStrings(env_json, "schemeOnly");
  env.global_paths = JsonStrings(env_json, "globalPaths");
  ASSERT_FALSE(env.builtins.empty()) << env_json;

  int compared = 0;
  RunConditionSet(env, {}, &compared);
  RunConditionSet(env, {"custom"}, &compared);
  std::printf("differential: %d results compared with node\n", compared);
}

}  // namespace
}  // namespace skua::resolver
