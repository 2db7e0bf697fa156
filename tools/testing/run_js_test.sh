#!/usr/bin/env bash
# Bazel entry for one JavaScript integration test: run_js_test.py RUNTIME FILE.
set -euo pipefail
exec python3 tools/testing/run_js_test.py "$@"
