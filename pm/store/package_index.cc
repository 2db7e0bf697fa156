// Store entry index serialisation; format in package_index.h.
#include "pm/store/package_index.h"

#include <charconv>

namespace skua::pm::store {
namespace {

constexpr std::string_view kMagic = "skua-store-index 1";

std::string EscapePath(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\n') {
      out += "%0A";
    } else if (c == '\r') {
      out += "%0D";
    } else {
      out += c;
    }
  }
  return out;
}

bool UnescapePath(std::string_view in, std::string* out) {
  if (in.find('%') == std::string_view::npos) {  // Nearly every path: one copy.
    out->append(in);
    return true;
  }
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      *out += in[i];
      continue;
    }
    std::string_view code = in.substr(i + 1, 2);
    if (code == "25") {
      *out += '%';
    } else if (code == "0A") {
      *out += '\n';
    } else if (code == "0D") {
      *out += '\r';
    } else {
      return false;
    }
    i += 2;
  }
  return true;
}

// Consumes a number in `base` followed by one space.
template <typename T>
bool TakeNumber(std::string_view* line, int base, T* value) {
  auto [end, error] = std::from_chars(line->data(), line->data() + line->size(), *value, base);
  if (error != std::errc() || end == line->data() || end == line->data() + line->size() ||
      *end != ' ') {
    return false;
  }
  line->remove_prefix(static_cast<size_t>(end - line->data()) + 1);
  return true;
}

Status Corrupt(std::string_view why) {
  return InvalidArgument("corrupt store index: " + std::string(why));
}

}  // namespace

std::string SerializeIndex(const PackageIndex& index) {
  std::string out(kMagic);
  out += "\nintegrity ";
  out += index.integrity;
  out += '\n';
  char number[32];
  for (const IndexedFile& file : index.files) {
    out += "f ";
    auto mode_end = std::to_chars(number, number + sizeof(number), file.mode, 8).ptr;
    out.append(number, mode_end);
    out += ' ';
    out += std::to_string(file.size);
    out += ' ';
    out += EscapePath(file.path);
    out += '\n';
  }
  out += "end " + std::to_string(index.files.size()) + "\n";
  return out;
}

Result<PackageIndex> ParseIndex(std::string_view text) {
  PackageIndex index;
  bool ended = false;
  size_t line_number = 0;
  while (!text.empty()) {
    size_t newline = text.find('\n');
    if (newline == std::string_view::npos) return Corrupt("missing final newline");
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline + 1);
    if (ended) return Corrupt("data after the end line");
    if (line_number++ == 0) {
      if (line != kMagic) return Corrupt("unknown header");
      continue;
    }
    if (line.rfind("integrity ", 0) == 0) {
      index.integrity = std::string(line.substr(10));
    } else if (line.rfind("f ", 0) == 0) {
      line.remove_prefix(2);
      IndexedFile file;
      if (!TakeNumber(&line, 8, &file.mode) || !TakeNumber(&line, 10, &file.size) ||
          line.empty() || !UnescapePath(line, &file.path)) {
        return Corrupt("bad file record");
      }
      index.files.push_back(std::move(file));
    } else if (line.rfind("end ", 0) == 0) {
      size_t count = 0;
      std::string_view digits = line.substr(4);
      auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
      if (error != std::errc() || end != digits.data() + digits.size() ||
          count != index.files.size()) {
        return Corrupt("file count does not match");
      }
      ended = true;
    } else {
      return Corrupt("unknown record");
    }
  }
  if (!ended) return Corrupt("truncated");
  return index;
}

}  // namespace skua::pm::store
