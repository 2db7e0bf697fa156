"""What the package-manager end-to-end tests share: a loopback registry
(tools/testing/test_registry.py), an environment cut off from the user's npm setup, and
running skua with an expected exit code."""
import json
import os
import shutil
import subprocess
import sys


def start_registry(registry_py, fixture_path, fixture):
    """Writes `fixture` to `fixture_path`, starts the registry on it; (process, base URL)."""
    with open(fixture_path, 'w') as f:
        json.dump(fixture, f)
    proc = subprocess.Popen([sys.executable, registry_py, fixture_path], stdout=subprocess.PIPE,
                            text=True)
    return proc, proc.stdout.readline().strip()


def clean_env(tmp, drop_prefix='npm_config_', **extra):
    """os.environ without variables starting with `drop_prefix` (case-insensitive), with a
    private HOME and skua cache under `tmp`."""
    env = {k: v for k, v in os.environ.items() if not k.lower().startswith(drop_prefix)}
    env.update(HOME=os.path.join(tmp, 'home'), SKUA_CACHE_DIR=os.path.join(tmp, 'cache'))
    os.makedirs(env['HOME'], exist_ok=True)
    env.update(extra)
    return env


def run_skua(skua, cwd, args, env, expect=0):
    """Runs `skua args...` in `cwd`; raises unless it exits with `expect` (None: any)."""
    r = subprocess.run([skua, *args], cwd=cwd, env=env, text=True, capture_output=True,
                       timeout=120)
    if expect is not None and r.returncode != expect:
        raise AssertionError('skua %s: exit %d (wanted %d)\nstdout:\n%s\nstderr:\n%s' % (
            ' '.join(args), r.returncode, expect, r.stdout, r.stderr))
    return r


def fresh(project):
    """Removes the project's node_modules and package-lock.json: a first install again."""
    for name in ('node_modules', 'package-lock.json'):
        path = os.path.join(project, name)
        if os.path.isdir(path):
            shutil.rmtree(path)
        elif os.path.exists(path):
            os.remove(path)


def check(name):
    print('ok', name, flush=True)
