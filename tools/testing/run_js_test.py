#!/usr/bin/env python3
"""Run one skua JavaScript integration test.

Usage: run_js_test.py RUNTIME FILE

Two kinds of tests:

* Plain tests (integration_tests/<area>/test-*.js): pass when the runtime
  exits with status 0. stdout/stderr are shown on failure.

* Output tests (integration_tests/<area>/output/<name>.js with a sibling
  <name>.out): the runtime's exit code, stdout and stderr are compared with
  the .out file, whose format is

      # exit: 1
      # stdout:
      ...lines...
      # stderr:
      ...lines...

  Sections may be omitted ("# exit:" defaults to 0; a missing stdout/stderr
  section means "must be empty"). Lines starting with "#" that are not one
  of the three headers are comments only before the first section.

  In expected lines:
    *        matches any run of characters within one line (may be empty);
    {{dir}}  is the absolute directory of the .js file;
    ...      alone on a line (surrounding whitespace ignored) skips any number
             of actual lines (including none) until the next expected line
             matches.
  Trailing blank lines of both expected and actual output are ignored, and
  "\r\n" is treated like "\n".

The test runs with cwd = directory of FILE, a 60 s timeout, and an
environment with colours disabled. Exits 0 on pass, 1 on failure, 2 on usage
errors.
"""

import difflib
import os
import re
import subprocess
import sys

TIMEOUT_SECONDS = 60


def usage(msg):
    sys.stderr.write("run_js_test.py: %s\nusage: run_js_test.py RUNTIME FILE\n" % msg)
    sys.exit(2)


def is_output_test(path):
    stem, ext = os.path.splitext(path)
    return (ext in (".js", ".mjs")
            and os.path.basename(os.path.dirname(path)) == "output"
            and os.path.isfile(stem + ".out"))


def parse_out_file(text, out_path):
    """Returns (exit_code, stdout_lines, stderr_lines)."""
    exit_code = 0
    sections = {"stdout": [], "stderr": []}
    current = None
    for lineno, line in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        m = re.match(r"^# exit:\s*(-?\d+)\s*$", line)
        if m:
            exit_code = int(m.group(1))
            current = None
            continue
        m = re.match(r"^# (stdout|stderr):\s*$", line)
        if m:
            current = m.group(1)
            continue
        if current is None:
            if line.strip() == "" or line.startswith("#"):
                continue
            raise ValueError("%s:%d: line outside of a '# stdout:' or '# stderr:' section: %r"
                             % (out_path, lineno, line))
        sections[current].append(line)
    return exit_code, strip_trailing_blank(sections["stdout"]), strip_trailing_blank(sections["stderr"])


def strip_trailing_blank(lines):
    lines = list(lines)
    while lines and lines[-1].strip() == "":
        lines.pop()
    return lines


def split_output(data):
    text = data.decode("utf-8", errors="replace").replace("\r\n", "\n")
    return strip_trailing_blank(text.split("\n"))


def is_skip(pattern):
    return pattern.strip() == "..."


def compile_line(pattern, directory):
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("{{dir}}", i):
            out.append(re.escape(directory))
            i += len("{{dir}}")
        elif pattern[i] == "*":
            out.append(".*")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("^" + "".join(out) + "$")


def match_lines(expected, actual, directory):
    """Returns None on match, otherwise (expected_index, actual_index) of the
    furthest point reached, for diagnostics."""
    compiled = [None if is_skip(p) else compile_line(p, directory) for p in expected]
    memo = {}
    best = [(0, 0)]

    def go(i, j):
        key = (i, j)
        if key in memo:
            return memo[key]
        if (i, j) > best[0]:
            best[0] = (i, j)
        if i == len(compiled):
            result = j == len(actual)
        elif compiled[i] is None:
            # "..." : try to match the rest at every later position.
            result = any(go(i + 1, k) for k in range(j, len(actual) + 1))
        else:
            result = j < len(actual) and compiled[i].match(actual[j]) is not None and go(i + 1, j + 1)
        memo[key] = result
        return result

    sys.setrecursionlimit(max(10000, 4 * (len(expected) + len(actual)) + 100))
    if go(0, 0):
        return None
    return best[0]


def show(title, lines):
    sys.stdout.write("----- %s (%d lines) -----\n" % (title, len(lines)))
    for line in lines:
        sys.stdout.write("  |%s\n" % line)


def compare_stream(name, expected, actual, directory):
    where = match_lines(expected, actual, directory)
    if where is None:
        return True
    ei, ai = where
    sys.stdout.write("\nMISMATCH in %s\n" % name)
    if ei < len(expected):
        sys.stdout.write("  first unmatched expected line %d: %r\n" % (ei + 1, expected[ei]))
    else:
        sys.stdout.write("  all expected lines matched, but there is extra output\n")
    if ai < len(actual):
        sys.stdout.write("  at actual line %d: %r\n" % (ai + 1, actual[ai]))
    else:
        sys.stdout.write("  actual output ended (%d lines)\n" % len(actual))
    sys.stdout.write("  diff (expected patterns vs actual; '*', '{{dir}}' and '...' are patterns):\n")
    exp_display = [e.replace("{{dir}}", directory) for e in expected]
    for line in difflib.unified_diff(exp_display, actual, "expected", "actual", lineterm="", n=3):
        sys.stdout.write("    %s\n" % line)
    return False


def run(runtime, path, cwd):
    env = dict(os.environ)
    env.pop("NODE_OPTIONS", None)
    env["NO_COLOR"] = "1"
    env["NODE_DISABLE_COLORS"] = "1"
    env.pop("FORCE_COLOR", None)
    try:
        proc = subprocess.run([runtime, path], cwd=cwd, env=env,
                              stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired as e:
        return None, e.stdout or b"", e.stderr or b""
    except OSError as e:
        sys.stdout.write("FAIL: cannot run %s: %s\n" % (runtime, e))
        sys.exit(1)
    return proc.returncode, proc.stdout, proc.stderr


def describe_status(code):
    if code is None:
        return "timed out after %d s" % TIMEOUT_SECONDS
    if code < 0:
        return "killed by signal %d" % -code
    return "exit code %d" % code


def main(argv):
    if len(argv) != 3:
        usage("expected 2 arguments, got %d" % (len(argv) - 1))
    runtime, path = argv[1], argv[2]
    # A runtime given as an existing file (e.g. Bazel's "skua", relative to
    # the runfiles directory) is made absolute, since the test runs in another
    # cwd; otherwise it is a command looked up in PATH (e.g. "node").
    if os.sep in runtime or os.path.isfile(runtime):
        runtime = os.path.abspath(runtime)
    if not os.path.isfile(path):
        usage("no such test file: %s" % path)
    path = os.path.realpath(path)
    directory = os.path.dirname(path)
    rel = os.path.relpath(path)

    if is_output_test(path):
        out_path = os.path.splitext(path)[0] + ".out"
        with open(out_path, encoding="utf-8") as f:
            try:
                want_code, want_out, want_err = parse_out_file(f.read(), out_path)
            except ValueError as e:
                usage(str(e))
        code, out, err = run(runtime, path, directory)
        got_out, got_err = split_output(out), split_output(err)
        ok = True
        if code != want_code:
            sys.stdout.write("\nMISMATCH in exit status: expected exit code %d, got %s\n"
                             % (want_code, describe_status(code)))
            ok = False
        ok = compare_stream("stdout", want_out, got_out, directory) and ok
        ok = compare_stream("stderr", want_err, got_err, directory) and ok
        if ok:
            sys.stdout.write("PASS %s\n" % rel)
            return 0
        show("actual stdout", got_out)
        show("actual stderr", got_err)
        sys.stdout.write("FAIL %s (output test, expectations in %s)\n" % (rel, os.path.relpath(out_path)))
        return 1

    code, out, err = run(runtime, path, directory)
    if code == 0:
        sys.stdout.write("PASS %s\n" % rel)
        return 0
    sys.stdout.write("\n%s exited with %s (expected exit code 0)\n" % (rel, describe_status(code)))
    show("stdout", split_output(out))
    show("stderr", split_output(err))
    sys.stdout.write("FAIL %s\n" % rel)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
