#!/usr/bin/env bash
# Builds runtime/bindings/http_parser_fuzz.cc with clang's libFuzzer (plus ASan and UBSan)
# outside Bazel, whose toolchain here is GCC, and runs it on a copy of the seed corpus.
# Usage: tools/fuzz/http_parser.sh [seconds=60] [extra libFuzzer flags...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-60}"
shift || true
out="${TMPDIR:-/tmp}/skua-http-fuzz"
mkdir -p "$out/corpus"
llhttp="$root/third_party/sysroot/usr/share"
command -v clang++ >/dev/null || { echo "http_parser.sh: clang++ not found (tools/bootstrap installs it)" >&2; exit 2; }
clang -c -O1 -g -fsanitize=fuzzer-no-link,address,undefined -w \
  -I"$llhttp/include/llhttp" "$llhttp/llhttp/api.c" -o "$out/api.o"
clang -c -O1 -g -fsanitize=fuzzer-no-link,address,undefined -w \
  -I"$llhttp/include/llhttp" "$llhttp/llhttp/http.c" -o "$out/http.o"
clang -c -O1 -g -fsanitize=fuzzer-no-link,address,undefined -w \
  -I"$llhttp/include/llhttp" "$llhttp/llhttp/llhttp.c" -o "$out/llhttp.o"
clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
  -I"$root" -I"$llhttp/include/llhttp" \
  "$root/runtime/bindings/http_parser_fuzz.cc" "$root/runtime/bindings/http_message_parser.cc" \
  "$out/api.o" "$out/http.o" "$out/llhttp.o" -o "$out/http_parser_fuzz"
cp -n "$root"/runtime/bindings/testdata/http_corpus/* "$out/corpus/" 2>/dev/null || true
"$out/http_parser_fuzz" -max_total_time="$seconds" -max_len=4096 "$@" "$out/corpus"
