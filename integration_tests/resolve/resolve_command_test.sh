#!/usr/bin/env bash
# `skua resolve` end to end: a package tree on disk, the command's plain, --json, --esm,
# --explain and --batch output, and Node's error codes with a non-zero exit.
set -uo pipefail
skua=$(realpath "$1")
root=$(mktemp -d "${TEST_TMPDIR:-/tmp}/resolve.XXXXXX")
root=$(realpath "$root")
cd "$root"
mkdir -p node_modules/pkg/lib src
echo '{"name":"pkg","exports":{".":{"import":"./lib/e.mjs","require":"./lib/e.cjs"},"./feat":"./lib/feat.js"}}' \
  > node_modules/pkg/package.json
touch node_modules/pkg/lib/e.mjs node_modules/pkg/lib/e.cjs node_modules/pkg/lib/feat.js src/a.js

failures=0
expect() {  # expect NAME EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then
    echo "FAIL $1"; echo "  expected: $2"; echo "  actual:   $3"; failures=$((failures + 1))
  else
    echo "ok   $1"
  fi
}

expect "cjs main" "$root/node_modules/pkg/lib/e.cjs" "$("$skua" resolve pkg)"
expect "esm main" "$root/node_modules/pkg/lib/e.mjs" "$("$skua" resolve pkg --esm)"
expect "from dir" "$root/src/a.js" "$("$skua" resolve ./a --from src)"
expect "builtin" "node:fs" "$("$skua" resolve node:fs)"

out=$("$skua" resolve pkg/nope 2>&1); code=$?
expect "not exported exit code" "1" "$code"
expect "not exported message" \
  "ERR_PACKAGE_PATH_NOT_EXPORTED: Package subpath './nope' is not defined by \"exports\" in $root/node_modules/pkg/package.json" \
  "$out"

json=$("$skua" resolve pkg/feat --json)
expect "json record" \
  "{\"specifier\":\"pkg/feat\",\"mode\":\"cjs\",\"from\":\"$root\",\"conditions\":[],\"ok\":true,\"kind\":\"file\",\"path\":\"$root/node_modules/pkg/lib/feat.js\",\"url\":\"file://$root/node_modules/pkg/lib/feat.js\",\"format\":\"commonjs\"}" \
  "$json"

explain=$("$skua" resolve pkg --explain | head -1)
expect "explain reads package.json" "  read $root/node_modules/pkg/package.json" "$explain"

batch=$(printf 'pkg\n./src/a\nnothere\n' | "$skua" resolve --batch - 2>&1); code=$?
expect "batch exit code" "1" "$code"
expect "batch lines" "3" "$(echo "$batch" | wc -l | tr -d ' ')"
expect "batch json list" "2" "$(echo '["pkg","fs"]' | "$skua" resolve --batch - --json | grep -o '"ok":true' | wc -l | tr -d ' ')"

"$skua" resolve 2>/dev/null; expect "usage exit code" "2" "$?"

# Node agrees on the same tree (when present).
if [ -x /usr/bin/node ]; then
  expect "node agrees (cjs)" "$(/usr/bin/node -p 'require.resolve("pkg")')" "$("$skua" resolve pkg)"
fi
rm -rf "$root"
[ "$failures" -eq 0 ]
