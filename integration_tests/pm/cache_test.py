#!/usr/bin/env python3
"""Damaged packument cache files against tools/testing/test_registry.py: a truncated or
garbage body is a cache miss (fetched again; under --offline, ENOTCACHED), never a crash
or a parse error.

Usage: cache_test.py SKUA TEST_REGISTRY_PY
"""
import glob
import json
import os
import sys
import tempfile
import urllib.request

import pm_test_support as support

SKUA = os.path.abspath(sys.argv[1])
REGISTRY_PY = os.path.abspath(sys.argv[2])
TMP = tempfile.mkdtemp(prefix='skua-cache-', dir=os.environ.get('TEST_TMPDIR'))

FIXTURE = {'packages': {
    'a': {'versions': {'1.0.0': {'manifest': {'dependencies': {'b': '^1.0.0'}}},
                       '1.1.0': {'manifest': {'dependencies': {'b': '^1.0.0'}}}}},
    'b': {'versions': {'1.0.0': {}, '1.2.0': {}}},
}}


def packument_requests(url, since):
    with urllib.request.urlopen(url + '-/skua/requests') as r:
        log = json.load(r)[since:]
    return sorted(path for method, path, status in log if path in ('/a', '/b'))


def request_count(url):
    with urllib.request.urlopen(url + '-/skua/requests') as r:
        return len(json.load(r))


def damage(files):
    """Truncates the first cache file's body and replaces the second's with garbage."""
    with open(files[0], 'rb') as f:
        data = f.read()
    with open(files[0], 'wb') as f:
        f.write(data[:-15])
    with open(files[1], 'rb') as f:
        data = f.read()
    with open(files[1], 'wb') as f:
        f.write(data[:data.index(b'\n\n') + 2] + b'{"versions": garbage')


def main():
    proc, url = support.start_registry(REGISTRY_PY, os.path.join(TMP, 'fixture.json'), FIXTURE)
    env = support.clean_env(TMP)
    reg = ('--registry', url)
    try:
        p = os.path.join(TMP, 'p')
        os.makedirs(p)
        with open(os.path.join(p, 'package.json'), 'w') as f:
            json.dump({'name': 'p', 'version': '1.0.0', 'dependencies': {'a': '^1.0.0'}}, f)
        support.run_skua(SKUA, p, ('install', *reg), env)
        files = sorted(glob.glob(os.path.join(TMP, 'cache', 'registry', '*', '*')))
        assert len(files) == 2, files

        support.fresh(p)
        before = request_count(url)
        support.run_skua(SKUA, p, ('install', *reg), env)
        assert packument_requests(url, before) == [], packument_requests(url, before)
        support.check('fresh cache files answer without requests')

        damage(files)
        support.fresh(p)
        before = request_count(url)
        r = support.run_skua(SKUA, p, ('install', *reg), env)
        assert 'added 2 packages' in r.stdout, r.stdout
        with open(os.path.join(p, 'node_modules', 'a', 'package.json')) as f:
            assert json.load(f)['version'] == '1.1.0'
        assert packument_requests(url, before) == ['/a', '/b'], packument_requests(url, before)
        support.check('damaged cache files are fetched again')

        damage(files)
        support.fresh(p)
        r = support.run_skua(SKUA, p, ('install', '--offline', *reg), env, expect=None)
        assert r.returncode > 0, (r.returncode, r.stderr)
        assert 'ENOTCACHED' in r.stdout + r.stderr, r.stdout + r.stderr
        assert 'EJSONPARSE' not in r.stdout + r.stderr, r.stdout + r.stderr
        support.check('damaged cache files are misses offline')
    finally:
        proc.kill()


if __name__ == '__main__':
    main()
