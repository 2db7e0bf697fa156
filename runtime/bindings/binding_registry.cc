// Maps a binding name to its registration function (see runtime/core/binding.h).
#include "runtime/bindings/binding_list.h"
#include "runtime/core/binding.h"

namespace skua {

namespace bindings {
#define SKUA_DECLARE_BINDING(name) void Register_##name(BindingTarget& target);
SKUA_BINDING_NAMES(SKUA_DECLARE_BINDING)
#undef SKUA_DECLARE_BINDING
}  // namespace bindings

bool InitializeBinding(std::string_view name, BindingTarget& target) {
#define SKUA_MATCH_BINDING(binding_name)     \
  if (name == #binding_name) {               \
    bindings::Register_##binding_name(target); \
    return true;                             \
  }
  SKUA_BINDING_NAMES(SKUA_MATCH_BINDING)
#undef SKUA_MATCH_BINDING
  return false;
}

}  // namespace skua
