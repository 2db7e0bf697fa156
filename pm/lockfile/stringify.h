// JSON text as npm writes its lockfiles: JSON.stringify with a space argument, after
// json-stringify-nice has reordered every object (scalars and arrays before objects,
// preferred keys first, the rest by LocaleCompare), then the package.json's newline.
#ifndef SKUA_PM_LOCKFILE_STRINGIFY_H_
#define SKUA_PM_LOCKFILE_STRINGIFY_H_

#include <string>
#include <string_view>
#include <vector>

#include "pm/lockfile/json_value.h"

namespace skua::pm::lockfile {

// Indentation and line ending of a JSON file, as json-parse-even-better-errors records
// them: the run of newlines right after the opening brace and the whitespace after it.
// A file without that shape has indent "" and newline "", which writers replace with
// the defaults below.
struct JsonFormat {
  std::string indent = "  ";
  std::string newline = "\n";
};

// The format of `text` (a package.json or an existing lockfile), with npm's fallbacks
// applied (an empty indent becomes two spaces, an empty newline "\n").
JsonFormat DetectFormat(std::string_view text);

// JSON.stringify's string quoting: `"` and `\` escaped, \b \f \n \r \t, other controls as
// \u00xx; everything else (including non-ASCII) verbatim.
void AppendQuoted(std::string_view s, std::string* out);

// JSON.stringify's number form for the values JSON can carry.
std::string NumberToString(double d);

// json-stringify-nice(value, preferred_keys, indent) with "\n" replaced by the format's
// newline; ends with a newline. Keys that are array indices ("0", "12") come first in
// numeric order, as any JS object orders them.
std::string StringifyNice(const JsonValue& value, const std::vector<std::string>& preferred_keys,
                          const JsonFormat& format);

// JSON.stringify(value, null, indent): object members in their order (array-index keys
// first, as a JS object lists them), "" indent on one line.
std::string StringifyJson(const JsonValue& value, std::string_view indent);

// An object member held elsewhere: a value, or an object given as members in turn. Lets a
// caller serialise members it keeps in its own structures (the lockfile's packages)
// without copying them into a JsonValue.
struct JsonMemberRef {
  std::string_view key;
  const JsonValue* value = nullptr;                      // Either a value...
  const std::vector<JsonMemberRef>* members = nullptr;  // ...or an object.
};

// StringifyNice of the object made of `members`.
std::string StringifyNice(const std::vector<JsonMemberRef>& members,
                          const std::vector<std::string>& preferred_keys, const JsonFormat& format);

}  // namespace skua::pm::lockfile

#endif  // SKUA_PM_LOCKFILE_STRINGIFY_H_
