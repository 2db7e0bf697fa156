// pnpm-workspace.yaml's build settings; see pnpm_workspace_yaml.h.
#include "pm/cli/pnpm_workspace_yaml.h"

#include <string>
#include <vector>

namespace skua::pm::cli {

namespace {

using lockfile::JsonValue;

bool IsListKey(std::string_view key) {
  return key == "onlyBuiltDependencies" || key == "neverBuiltDependencies" || key == "ignoredBuiltDependencies";
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The line without its comment: a '#' at the start or after a blank, outside quotes.
std::string_view WithoutComment(std::string_view line) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return line.substr(0, i);
    }
  }
  return line;
}

// A scalar: quotes removed ('' in single quotes is one quote; \" and \\ in double ones).
std::string Scalar(std::string_view s) {
  s = Trim(s);
  if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'') {
    std::string out;
    for (size_t i = 1; i + 1 < s.size(); ++i) {
      out += s[i];
      if (s[i] == '\'' && i + 2 < s.size() && s[i + 1] == '\'') ++i;
    }
    return out;
  }
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') {
    std::string out;
    for (size_t i = 1; i + 1 < s.size(); ++i) {
      if (s[i] == '\\' && i + 2 < s.size()) ++i;
      out += s[i];
    }
    return out;
  }
  return std::string(s);
}

// "key: rest" with the key possibly quoted; false when the text has no such colon.
bool SplitKey(std::string_view text, std::string* key, std::string_view* rest) {
  size_t colon = std::string_view::npos;
  if (!text.empty() && (text.front() == '\'' || text.front() == '"')) {
    size_t close = text.find(text.front(), 1);
    if (close == std::string_view::npos) return false;
    colon = text.find(':', close);
  } else {
    colon = text.find(':');
  }
  // A key's colon ends the text or is followed by a blank ("a:b" is a plain scalar).
  while (colon != std::string_view::npos && colon + 1 < text.size() && text[colon + 1] != ' ' &&
         text[colon + 1] != '\t') {
    colon = text.find(':', colon + 1);
  }
  if (colon == std::string_view::npos) return false;
  *key = Scalar(text.substr(0, colon));
  *rest = Trim(text.substr(colon + 1));
  return true;
}

// "[a, 'b', "c"]": the items, commas inside quotes kept.
std::vector<std::string> FlowItems(std::string_view flow) {
  std::vector<std::string> items;
  flow = Trim(flow);
  if (flow.size() < 2 || flow.front() != '[' || flow.back() != ']') return items;
  flow = flow.substr(1, flow.size() - 2);
  char quote = 0;
  size_t start = 0;
  for (size_t i = 0; i <= flow.size(); ++i) {
    char c = i < flow.size() ? flow[i] : ',';
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == ',') {
      std::string item = Scalar(flow.substr(start, i - start));
      if (!item.empty()) items.push_back(std::move(item));
      start = i + 1;
    }
  }
  return items;
}

void SetBool(JsonValue* object, const std::string& key, std::string_view text) {
  std::string value = Scalar(text);
  if (value == "true" || value == "false") object->Set(key, JsonValue::Bool(value == "true"));
}

}  // namespace

JsonValue PnpmWorkspaceBuildSettings(std::string_view yaml) {
  JsonValue settings = JsonValue::Object();
  std::string current;  // The top-level key whose block is being read, "" for none.
  for (size_t start = 0; start < yaml.size();) {
    size_t end = yaml.find('\n', start);
    if (end == std::string_view::npos) end = yaml.size();
    std::string_view raw = WithoutComment(yaml.substr(start, end - start));
    start = end + 1;
    std::string_view text = Trim(raw);
    if (text.empty() || text == "---" || text == "...") continue;
    const bool top = raw.front() != ' ' && raw.front() != '\t' && raw.front() != '-';
    if (top) {
      current.clear();
      std::string key;
      std::string_view rest;
      if (!SplitKey(text, &key, &rest)) continue;
      if (IsListKey(key)) {
        JsonValue list = JsonValue::Array();
        for (std::string& item : FlowItems(rest)) list.Push(JsonValue::String(std::move(item)));
        settings.Set(key, std::move(list));
        if (rest.empty()) current = key;
      } else if (key == "allowBuilds") {
        settings.Set(key, JsonValue::Object());
        if (rest.empty()) current = key;
      } else if (key == "dangerouslyAllowAllBuilds") {
        SetBool(&settings, key, rest);
      }
      continue;
    }
    if (current.empty()) continue;
    JsonValue* block = settings.GetMutable(current);
    if (IsListKey(current)) {
      // "- name" (a sequence may also sit at the key's own indentation).
      if (text.front() != '-') continue;
      std::string item = Scalar(text.substr(1));
      if (!item.empty()) block->Push(JsonValue::String(std::move(item)));
    } else {
      std::string key;
      std::string_view rest;
      if (SplitKey(text, &key, &rest) && !key.empty()) SetBool(block, key, rest);
    }
  }
  return settings;
}

}  // namespace skua::pm::cli
