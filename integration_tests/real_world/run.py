#!/usr/bin/env python3
"""Real-world scenarios: each subdirectory with a package.json is a small project whose
main.js must print the same output under skua (installed by `skua install`) as under
Node 20 (installed by npm), and whose installed tree, the set of (install path, name,
version) the two lockfiles record, must be npm's. Needs a registry: taken from npm_config_registry or
`npm config get registry`; with none configured, or unreachable, it says so and skips.

Usage: run.py [--skua PATH] [--node PATH] [--warm] [--keep] [SCENARIO ...]
Prints one line per scenario (pass/fail, install times skua vs npm, run times) and ends
with "N passed, N failed" (or "skipped: <reason>"). Exits 1 if any scenario failed.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RUN_TIMEOUT = 120
INSTALL_TIMEOUT = 300


def configured_registry():
    registry = os.environ.get("npm_config_registry") or os.environ.get("NPM_CONFIG_REGISTRY")
    if registry:
        return registry
    try:
        out = subprocess.run(["npm", "config", "get", "registry"], capture_output=True,
                             text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    value = out.stdout.strip()
    return "" if out.returncode != 0 or value in ("", "undefined", "null") else value


def reachable(registry):
    """Asks the registry for a small packument; any HTTP answer means it is there."""
    url = registry.rstrip("/") + "/semver"
    request = urllib.request.Request(
        url, headers={"accept": "application/vnd.npm.install-v1+json"})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            response.read(1)
        return True, ""
    except urllib.error.HTTPError:
        return True, ""
    except (urllib.error.URLError, OSError) as err:
        return False, str(getattr(err, "reason", err))


def scenarios(selected):
    names = sorted(d for d in os.listdir(HERE)
                   if os.path.isfile(os.path.join(HERE, d, "package.json")))
    if selected:
        unknown = set(selected) - set(names)
        if unknown:
            sys.exit("unknown scenario(s): " + ", ".join(sorted(unknown)))
        names = [n for n in names if n in selected]
    return names


def copy_project(name, dest):
    shutil.copytree(os.path.join(HERE, name), dest,
                    ignore=shutil.ignore_patterns("node_modules", "package-lock.json"))


def timed(argv, cwd, env, timeout):
    start = time.monotonic()
    try:
        proc = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True,
                              timeout=timeout)
        return proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start
    except subprocess.TimeoutExpired as err:
        out = err.stdout.decode() if isinstance(err.stdout, bytes) else (err.stdout or "")
        return "timeout", out, "timed out after %ds" % timeout, time.monotonic() - start


def install(tool, project, cache, registry, env):
    if tool == "npm":
        argv = ["npm", "install", "--no-audit", "--no-fund", "--registry", registry,
                "--cache", cache]
    else:
        argv = [tool, "install", "--registry", registry, "--cache", cache]
    return timed(argv, project, env, INSTALL_TIMEOUT)


def installed_tree(project):
    """{(location, name, version)} of the project's package-lock.json (links: no version)."""
    with open(os.path.join(project, "package-lock.json")) as f:
        packages = json.load(f).get("packages", {})
    rows = set()
    for location, entry in packages.items():
        if not location:
            continue
        name = entry.get("name") or location.rsplit("node_modules/", 1)[-1]
        rows.add((location, name, entry.get("version", "")))
    return rows


def tail(text, lines=15):
    return "\n".join("      " + l for l in text.rstrip().splitlines()[-lines:])


def run_scenario(name, args, registry, work):
    env = dict(os.environ)
    env.pop("NODE_OPTIONS", None)
    result = {"name": name, "ok": False, "notes": []}
    times = {}
    outputs = {}
    trees = {}
    for tool, runner in (("npm", args.node), (args.skua, args.skua)):
        label = "npm" if tool == "npm" else "skua"
        cache = os.path.join(work, "cache-" + label)
        passes = ["cold", "warm"] if args.warm else ["cold"]
        for which in passes:
            project = os.path.join(work, "%s-%s-%s" % (name, label, which))
            copy_project(name, project)
            rc, out, err, secs = install(tool, project, cache, registry, env)
            times["%s install %s" % (label, which)] = secs
            if rc != 0:
                result["notes"].append("%s install failed (%s):\n%s" % (label, rc, tail(out + err)))
                return result, times
            trees[label] = installed_tree(project)
        rc, out, err, secs = timed([runner, "main.js"], project, env, RUN_TIMEOUT)
        times["%s run" % label] = secs
        # The two installs live in different folders; a path printed by the app is
        # compared without its folder.
        outputs[label] = (rc, out.replace(project, "<project>"), err.replace(project, "<project>"))
    node, skua = outputs["npm"], outputs["skua"]
    if node[0] != 0:
        result["notes"].append("node itself failed (%s):\n%s" % (node[0], tail(node[1] + node[2])))
        return result, times
    same_tree = trees["npm"] == trees["skua"]
    if not same_tree:
        only_npm = sorted(trees["npm"] - trees["skua"])[:10]
        only_skua = sorted(trees["skua"] - trees["npm"])[:10]
        result["notes"].append("installed tree differs from npm's:\n" + tail(
            "\n".join(["npm only:  %s %s@%s" % row for row in only_npm] +
                      ["skua only: %s %s@%s" % row for row in only_skua]), 25))
    if skua[:2] == node[:2] and same_tree:
        result["ok"] = True
        return result, times
    if skua[0] != node[0]:
        result["notes"].append("exit code: node %s, skua %s" % (node[0], skua[0]))
    if skua[1] != node[1]:
        import difflib
        diff = difflib.unified_diff(node[1].splitlines(), skua[1].splitlines(),
                                    "node", "skua", lineterm="", n=1)
        result["notes"].append("stdout differs:\n" + tail("\n".join(diff), 30))
    if skua[2].strip():
        result["notes"].append("skua stderr:\n" + tail(skua[2]))
    return result, times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skua", default=os.environ.get("SKUA") or os.path.join(ROOT, "bazel-bin", "skua"))
    parser.add_argument("--node", default=os.environ.get("NODE") or shutil.which("node") or "node")
    parser.add_argument("--warm", action="store_true",
                        help="also time a second install of each project with the cache filled")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("names", nargs="*", metavar="SCENARIO")
    args = parser.parse_args()
    args.skua = os.path.abspath(args.skua)

    registry = configured_registry()
    if not registry:
        print("skipped: no registry is configured (set npm_config_registry or "
              "`npm config set registry <url>`)")
        return 0
    ok, why = reachable(registry)
    if not ok:
        print("skipped: the registry %s is unreachable (%s)" % (registry, why))
        return 0
    if not os.access(args.skua, os.X_OK):
        print("skua not found at %s (build it: bazel build //:skua, or pass --skua)" % args.skua)
        return 1
    node_version = subprocess.run([args.node, "--version"], capture_output=True,
                                  text=True).stdout.strip()
    print("registry %s; node %s; skua %s" % (registry, node_version, args.skua))
    if not node_version.startswith("v20."):
        print("note: the reference is Node 20; comparing with %s" % node_version)

    work = tempfile.mkdtemp(prefix="skua-real-world-")
    passed = failed = 0
    try:
        for name in scenarios(args.names):
            result, times = run_scenario(name, args, registry, work)
            figures = "  ".join("%s %.2fs" % (k, v) for k, v in times.items())
            print("%s %-12s %s" % ("PASS" if result["ok"] else "FAIL", name, figures))
            for note in result["notes"]:
                print("    " + note)
            if result["ok"]:
                passed += 1
            else:
                failed += 1
    finally:
        if args.keep:
            print("kept " + work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
