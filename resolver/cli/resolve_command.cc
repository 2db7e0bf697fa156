// `skua resolve`: argument parsing, the Resolver set up like Node's (builtins, global
// folders, conditions), and plain, JSON and --explain output.
#include "resolver/cli/resolve_command.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <simdjson.h>

#include "resolver/cli/node_builtins.h"
#include "resolver/json_value.h"
#include "resolver/path_util.h"
#include "resolver/real_file_system.h"
#include "resolver/resolver.h"
#include "resolver/url_util.h"

namespace skua::resolver::cli {

namespace {

constexpr char kUsage[] =
    "Usage: skua resolve SPECIFIER [--from DIR|FILE] [--conditions a,b] [--esm|--cjs]\n"
    "                              [--json] [--explain] [--preserve-symlinks]\n"
    "       skua resolve --batch FILE|- [options]   one specifier per line, or a JSON list\n";

struct Options {
  std::vector<std::string> specifiers;
  std::string from;
  std::vector<std::string> conditions;
  bool esm = false;
  bool json = false;
  bool explain = false;
  bool preserve_symlinks = false;
  std::optional<std::string> batch;
};

void SplitInto(const std::string& list, std::vector<std::string>* out) {
  std::stringstream stream(list);
  for (std::string item; std::getline(stream, item, ',');) {
    if (!item.empty()) out->push_back(item);
  }
}

// Returns an error message for bad usage, empty on success.
std::string ParseArgs(const std::vector<std::string>& args, Options* options) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    std::string text;
    if (arg == "--from") {
      if (!value(&options->from)) return "--from needs a directory or file";
    } else if (arg.rfind("--from=", 0) == 0) {
      options->from = arg.substr(7);
    } else if (arg == "--conditions" || arg == "-C") {
      if (!value(&text)) return arg + " needs a value";
      SplitInto(text, &options->conditions);
    } else if (arg.rfind("--conditions=", 0) == 0) {
      SplitInto(arg.substr(13), &options->conditions);
    } else if (arg == "--esm") {
      options->esm = true;
    } else if (arg == "--cjs") {
      options->esm = false;
    } else if (arg == "--json") {
      options->json = true;
    } else if (arg == "--explain") {
      options->explain = true;
    } else if (arg == "--preserve-symlinks") {
      options->preserve_symlinks = true;
    } else if (arg == "--batch") {
      if (!value(&text)) return "--batch needs a file (or - for stdin)";
      options->batch = text;
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      return "unknown option " + arg;
    } else {
      options->specifiers.push_back(arg);
    }
  }
  if (!options->batch && options->specifiers.size() != 1) return "expected one specifier";
  return "";
}

// Batch input: a JSON array of strings, or one specifier per line.
bool ReadBatch(const std::string& source, std::vector<std::string>* out, std::string* error) {
  std::string text;
  if (source == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    RealFileSystem fs;
    Result<std::string> data = fs.ReadFile(source);
    if (!data.ok()) {
      *error = data.status().message();
      return false;
    }
    text = *data;
  }
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '[') {
    simdjson::dom::parser parser;
    simdjson::padded_string padded(text);
    simdjson::dom::array list;
    if (parser.parse(padded).get_array().get(list) != simdjson::SUCCESS) {
      *error = "batch input is not a JSON list of strings";
      return false;
    }
    for (simdjson::dom::element item : list) {
      std::string_view spec;
      if (item.get_string().get(spec) != simdjson::SUCCESS) {
        *error = "batch input is not a JSON list of strings";
        return false;
      }
      out->emplace_back(spec);
    }
    return true;
  }
  std::stringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) out->push_back(line);
  }
  return true;
}

std::string CurrentDirectory() {
  char buf[4096];
  return getcwd(buf, sizeof(buf)) != nullptr ? std::string(buf) : "/";
}

// Module.globalPaths: NODE_PATH, then $HOME/.node_modules, $HOME/.node_libraries and
// <prefix>/lib/node, where prefix is the executable's grandparent directory.
std::vector<std::string> GlobalPaths(const std::string& cwd) {
  std::vector<std::string> paths;
  if (const char* node_path = std::getenv("NODE_PATH")) {
    std::stringstream stream(node_path);
    for (std::string entry; std::getline(stream, entry, ':');) {
      if (!entry.empty()) paths.push_back(internal::ResolvePath(cwd, entry));
    }
  }
  if (const char* home = std::getenv("HOME")) {
    paths.push_back(std::string(home) + "/.node_modules");
    paths.push_back(std::string(home) + "/.node_libraries");
  }
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
  if (n > 0) {
    std::string prefix = internal::DirName(internal::DirName(std::string(exe, static_cast<size_t>(n))));
    paths.push_back(internal::ResolvePath(prefix, "lib/node"));
  }
  return paths;
}

std::string JsonStringList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + JsonQuote(items[i]);
  return out + "]";
}

const char* KindName(Resolution::Kind kind) {
  switch (kind) {
    case Resolution::Kind::kFile: return "file";
    case Resolution::Kind::kBuiltin: return "builtin";
    case Resolution::Kind::kUrl: return "url";
  }
  return "file";
}

std::string JsonRecord(const std::string& spec, const Options& options, const std::string& from,
                       const ResolveOr<Resolution>& result, const std::vector<std::string>& steps) {
  std::string out = "{\"specifier\":" + JsonQuote(spec) + ",\"mode\":\"" + (options.esm ? "esm" : "cjs") +
                    "\",\"from\":" + JsonQuote(from) + ",\"conditions\":" + JsonStringList(options.conditions);
  if (result.ok()) {
    out += ",\"ok\":true,\"kind\":\"" + std::string(KindName(result->kind)) + "\",\"path\":" +
           JsonQuote(result->path) + ",\"url\":" + JsonQuote(result->url) + ",\"format\":" +
           (result->format == ModuleFormat::kUnknown ? std::string("null")
                                                     : JsonQuote(ModuleFormatName(result->format)));
  } else {
    out += ",\"ok\":false,\"code\":" + JsonQuote(ErrorCodeName(result.error().code)) +
           ",\"message\":" + JsonQuote(result.error().message);
  }
  if (options.explain) out += ",\"steps\":" + JsonStringList(steps);
  return out + "}";
}

}  // namespace

int RunResolveCommand(const std::vector<std::string>& args) {
  Options options;
  if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  std::string usage_error = ParseArgs(args, &options);
  if (!usage_error.empty()) {
    std::fprintf(stderr, "skua resolve: %s\n%s", usage_error.c_str(), kUsage);
    return 2;
  }
  if (options.batch) {
    std::string error;
    if (!ReadBatch(*options.batch, &options.specifiers, &error)) {
      std::fprintf(stderr, "skua resolve: %s\n", error.c_str());
      return 2;
    }
  }

  std::string cwd = CurrentDirectory();
  RealFileSystem fs;
  ResolverOptions resolver_options;
  resolver_options.conditions = options.conditions;
  resolver_options.preserve_symlinks = options.preserve_symlinks;
  resolver_options.builtins = NodeBuiltinIds();
  resolver_options.scheme_only_builtins = NodeSchemeOnlyBuiltinIds();
  resolver_options.global_paths = GlobalPaths(cwd);
  resolver_options.cwd = cwd;
  Resolver resolver(fs, resolver_options);

  // A directory resolves like createRequire("<dir>/"): as if from a file inside it.
  std::string from = internal::ResolvePath(cwd, options.from.empty() ? "." : options.from);
  bool from_dir = fs.Stat(from) == FileKind::kDirectory;
  std::string parent_file = from_dir ? (from == "/" ? "/noop.js" : from + "/noop.js") : from;
  std::string parent_url = internal::FileHrefFromPath(from_dir && from != "/" ? from + "/" : from);

  std::vector<std::string> steps;
  if (options.explain) resolver.set_trace(&steps);
  bool batch_json = options.json && options.batch.has_value();
  std::string out;
  if (batch_json) out += "[";
  int failures = 0;
  for (size_t i = 0; i < options.specifiers.size(); ++i) {
    const std::string& spec = options.specifiers[i];
    steps.clear();
    ResolveOr<Resolution> result =
        options.esm ? resolver.ResolveImport(spec, parent_url) : resolver.ResolveRequire(spec, parent_file);
    if (!result.ok()) ++failures;
    if (options.json) {
      if (batch_json && i > 0) out += ",";
      out += JsonRecord(spec, options, from, result, steps);
      if (!batch_json) out += "\n";
      continue;
    }
    if (options.explain) {
      for (const std::string& step : steps) out += "  " + step + "\n";
    }
    if (result.ok()) {
      out += options.batch ? spec + "\t" + result->path + "\n" : result->path + "\n";
    } else {
      std::string line = std::string(ErrorCodeName(result.error().code)) + ": " + result.error().message;
      if (options.batch) {
        // One line per specifier: the require stack's newlines are escaped.
        for (size_t at; (at = line.find('\n')) != std::string::npos;) line.replace(at, 1, "\\n");
        out += spec + "\t" + line + "\n";
      } else {
        std::fwrite(out.data(), 1, out.size(), stdout);
        std::fprintf(stderr, "%s\n", line.c_str());
        return 1;
      }
    }
  }
  if (batch_json) out += "]\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return failures == 0 ? 0 : 1;
}

}  // namespace skua::resolver::cli
