// nopt-style parsing of configuration flags.
#include "pm/config/cli_args.h"

#include "pm/config/definitions.h"

namespace skua::pm::config {

ConfigArgs ParseConfigArgs(const std::vector<std::string>& args) {
  ConfigArgs out;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      out.positional.insert(out.positional.end(), args.begin() + i + 1, args.end());
      break;
    }
    if (arg.size() == 2 && arg[0] == '-' && arg[1] != '-') {
      if (std::optional<std::string_view> key = ExpandShorthand(arg.substr(1))) {
        out.settings.emplace_back(std::string(*key), "true");
      } else {
        out.positional.push_back(arg);
      }
      continue;
    }
    if (!arg.starts_with("--") || arg.size() == 2) {
      out.positional.push_back(arg);
      continue;
    }
    std::string key = arg.substr(2);
    size_t eq = key.find('=');
    if (eq != std::string::npos) {
      out.settings.emplace_back(key.substr(0, eq), key.substr(eq + 1));
      continue;
    }
    const Definition* definition = FindDefinition(key);
    if (definition == nullptr && key.starts_with("no-") && FindDefinition(key.substr(3))) {
      out.settings.emplace_back(key.substr(3), "false");
      continue;
    }
    bool boolean = definition != nullptr && definition->type == ValueType::kBoolean;
    bool has_next = i + 1 < args.size() && !args[i + 1].starts_with("-");
    if (boolean) {
      if (has_next && (args[i + 1] == "true" || args[i + 1] == "false")) {
        out.settings.emplace_back(key, args[++i]);
      } else {
        out.settings.emplace_back(key, "true");
      }
    } else if (has_next) {
      out.settings.emplace_back(key, args[++i]);
    } else {
      out.settings.emplace_back(key, "true");
    }
  }
  return out;
}

}  // namespace skua::pm::config
