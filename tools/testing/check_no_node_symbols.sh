#!/usr/bin/env bash
# Fails if any skua binary references a node:: symbol: skua embeds V8 from libnode and
# must use the v8:: API only, never Node's own C++ API from that library. Also fails if
# the executable (first argument) links libnode itself: V8 must load only with the runtime.
set -euo pipefail
status=0
if readelf -d "$1" | grep -q 'NEEDED.*libnode'; then
  echo "FAIL: $1 links libnode directly; only libskua_runtime.so may"
  status=1
fi
for binary in "$@"; do
  undefined=$(nm -D --undefined-only "$binary" | c++filt)
  if [ -z "$(nm -D "$binary" | head -1)" ]; then
    echo "FAIL: $binary has no dynamic symbol table to check"
    status=1
  fi
  hits=$(echo "$undefined" | grep -E '(^|[^a-z_])node::' || true)
  if [ -n "$hits" ]; then
    echo "FAIL: $binary uses node:: symbols:"
    echo "$hits"
    status=1
  else
    echo "ok: $binary uses no node:: symbol ($(echo "$undefined" | grep -c 'v8::' || true) v8:: symbols)"
  fi
done
exit $status
