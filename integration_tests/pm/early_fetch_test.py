#!/usr/bin/env python3
"""Tarball downloads overlap resolution: a package's download starts once the tree builder
has placed it, not after the whole tree is resolved. Proved by order, not by time: the
loopback registry holds back the packument of `late` (which only `b` depends on) until it
has been asked for some tarball. skua can only ask for one while that packument is still
outstanding if it started downloading the already placed `a` and `b` during resolution.
Without that, the hold ends by its fallback and `late` is answered before any tarball.

Also: an install that fails during resolution, after downloads started (and, the store
being warm by then, packages linked), leaves node_modules and package-lock.json untouched;
a warm install of a new project links packages while it resolves, and one with a
lockfile in sync links them before anything else.

Usage: early_fetch_test.py SKUA TEST_REGISTRY_PY
"""
import json
import os
import shutil
import sys
import tempfile
import threading
import urllib.parse

import pm_test_support as support

SKUA = os.path.abspath(sys.argv[1])
REGISTRY_PY = os.path.abspath(sys.argv[2])
TMP = tempfile.mkdtemp(prefix='skua-early-', dir=os.environ.get('TEST_TMPDIR'))
sys.path.insert(0, os.path.dirname(REGISTRY_PY))
import test_registry  # noqa: E402

FIXTURE = {'packages': {
    'a': {'versions': {'1.0.0': {'files': {'index.js': 'module.exports = "a";\n'}}}},
    'b': {'versions': {'1.0.0': {'manifest': {'dependencies': {'late': '^1.0.0'}}}}},
    'late': {'versions': {'1.0.0': {}}},
    'c': {'versions': {'1.0.0': {'manifest': {'dependencies': {'gone': '^1.0.0'}}}}},
    # The builder places shared@1.0.0 (the latest tag) for x, with its dependency extra,
    # then y needs ^1.1.0 and shared@1.1.0 replaces it; extra is no longer needed.
    'shared': {'dist-tags': {'latest': '1.0.0'}, 'versions': {
        '1.0.0': {'manifest': {'dependencies': {'extra': '^1.0.0'}}},
        '1.1.0': {}}},
    'extra': {'versions': {'1.0.0': {}}},
    'x': {'versions': {'1.0.0': {'manifest': {'dependencies': {'shared': '^1.0.0'}}}}},
    'y': {'versions': {'1.0.0': {'manifest': {'dependencies': {'shared': '^1.1.0'}}}}},
}}

HOLD = '/late'
FALLBACK_SECONDS = 30  # Only ends the hold when skua never asks for a tarball meanwhile.


class HoldingHandler(test_registry.Handler):
    """Answers GET /late only after some tarball was requested (or the fallback ran out)."""

    def do_GET(self):
        path = urllib.parse.urlsplit(self.path).path
        server = self.server
        # `order` is written here rather than read from the registry's log, which each
        # handler thread appends to only after answering (in either order).
        if path in server.registry.tarballs:
            with server.order_lock:
                server.order.append(path)
            server.tarball_asked.set()
        elif path == HOLD:
            server.released_by_tarball = server.tarball_asked.wait(FALLBACK_SECONDS)
            with server.order_lock:
                server.order.append(path)
        super().do_GET()


class HoldingServer(test_registry.RegistryServer):
    def __init__(self, fixture):
        super().__init__(fixture)
        self.RequestHandlerClass = HoldingHandler
        self.tarball_asked = threading.Event()
        self.released_by_tarball = None
        self.order = []  # Tarball requests as they arrive, and `late` as it is released.
        self.order_lock = threading.Lock()


def project(name, dependencies):
    folder = os.path.join(TMP, name)
    os.makedirs(folder)
    with open(os.path.join(folder, 'package.json'), 'w') as f:
        json.dump({'name': name, 'version': '1.0.0', 'dependencies': dependencies}, f)
    return folder


def main():
    server = HoldingServer(FIXTURE)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = support.clean_env(TMP, npm_config_registry=server.url)
    try:
        # 1. Downloads of placed packages start while `late` is still being resolved.
        folder = project('overlap', {'a': '^1.0.0', 'b': '^1.0.0'})
        r = support.run_skua(SKUA, folder, ['install', '--verbose'], env)
        assert server.released_by_tarball is True, (
            'the held packument was answered before any tarball was asked for\n' + r.stdout + r.stderr)
        with server.order_lock:
            log = list(server.order)
        first_tarball = min(i for i, p in enumerate(log) if p in server.registry.tarballs)
        assert first_tarball < log.index(HOLD), log
        for name in ('a', 'b', 'late'):
            assert os.path.isfile(os.path.join(folder, 'node_modules', name, 'package.json')), name
        output = r.stdout + r.stderr
        assert 'downloads started during resolution' in output, output
        assert 'fetched 3 packages' in output, output
        support.check('tarball downloads start before resolution ends')
        # Each was linked as soon as its download entered the store, not by reify.
        assert 'packages linked early: 3' in output, output
        support.check('a cold install links each package once its download is in')

        # 2. A failure during resolution (E404 of `gone`, after `a` and `c` were placed)
        # writes neither node_modules nor the lockfile.
        folder = project('fails', {'a': '^1.0.0', 'c': '^1.0.0'})
        r = support.run_skua(SKUA, folder, ['install'], env, expect=None)
        assert r.returncode != 0, r.stdout + r.stderr
        assert 'gone' in r.stdout + r.stderr, r.stdout + r.stderr
        assert not os.path.exists(os.path.join(folder, 'node_modules')), os.listdir(folder)
        assert not os.path.exists(os.path.join(folder, 'package-lock.json')), os.listdir(folder)
        support.check('a resolution failure leaves the project untouched')

        # 3. With the store warm, a new project's packages are linked as the tree builder
        # places them: the same tree, every file there, counted as added.
        folder = project('warm', {'a': '^1.0.0', 'b': '^1.0.0'})
        r = support.run_skua(SKUA, folder, ['install', '--verbose'], env)
        assert 'packages linked early: 3' in r.stdout + r.stderr, r.stdout + r.stderr
        assert 'added 3 packages' in r.stdout + r.stderr, r.stdout + r.stderr
        with open(os.path.join(folder, 'node_modules', 'a', 'index.js')) as f:
            assert f.read() == 'module.exports = "a";\n'
        for name in ('a', 'b', 'late'):
            assert os.path.isfile(os.path.join(folder, 'node_modules', name, 'package.json')), name
        with open(os.path.join(folder, 'package-lock.json')) as f:
            assert sorted(json.load(f)['packages']) == ['', 'node_modules/a', 'node_modules/b',
                                                        'node_modules/late']
        support.check('a warm install links while it resolves')

        # 4. What was linked for a placement the finished tree replaced or dropped is
        # replaced or removed.
        support.run_skua(SKUA, project('seed', {'shared': '1.0.0'}), ['install'], env)
        folder = project('replaced', {'x': '^1.0.0', 'y': '^1.0.0'})
        r = support.run_skua(SKUA, folder, ['install', '--verbose'], env)
        output = r.stdout + r.stderr
        linked = int(output.split('packages linked early: ')[1].split()[0])
        assert linked >= 2, output  # At least shared@1.0.0 and extra, from the seed's store.
        with open(os.path.join(folder, 'node_modules', 'shared', 'package.json')) as f:
            assert json.load(f)['version'] == '1.1.0'
        assert sorted(os.listdir(os.path.join(folder, 'node_modules'))) == [
            '.package-lock.json', '.skua', 'shared', 'x', 'y'], os.listdir(os.path.join(folder, 'node_modules'))
        with open(os.path.join(folder, 'package-lock.json')) as f:
            assert sorted(json.load(f)['packages']) == ['', 'node_modules/shared', 'node_modules/x',
                                                        'node_modules/y']
        assert 'added 3 packages' in output, output
        support.check('early links the tree replaced or dropped are fixed')

        # 5. With a lockfile in sync and no node_modules, `install` and `ci` link the
        # lockfile's packages at once (nothing to resolve); with an empty store they are
        # left to the fetch phase.
        warm = os.path.join(TMP, 'warm')
        for command, cache in (('install', None), ('ci', None), ('ci', 'empty-store')):
            folder = project('locked-%s-%s' % (command, cache), {'a': '^1.0.0', 'b': '^1.0.0'})
            shutil.copy(os.path.join(warm, 'package-lock.json'), folder)
            run_env = dict(env, SKUA_CACHE_DIR=os.path.join(TMP, cache)) if cache else env
            r = support.run_skua(SKUA, folder, [command, '--verbose'], run_env)
            output = r.stdout + r.stderr
            assert 'package-lock.json is in sync' in output, output
            assert 'packages linked early: %d' % (0 if cache else 3) in output, output
            assert 'added 3 packages' in output, output
            for name in ('a', 'b', 'late'):
                assert os.path.isfile(os.path.join(folder, 'node_modules', name, 'package.json')), name
            with open(os.path.join(folder, 'node_modules', 'a', 'index.js')) as f:
                assert f.read() == 'module.exports = "a";\n'
        # `ci` over an existing node_modules empties it first, then links the same way.
        folder = os.path.join(TMP, 'locked-ci-None')
        open(os.path.join(folder, 'node_modules', 'stale.txt'), 'w').close()
        r = support.run_skua(SKUA, folder, ['ci', '--verbose'], env)
        assert 'packages linked early: 3' in r.stdout + r.stderr, r.stdout + r.stderr
        assert not os.path.exists(os.path.join(folder, 'node_modules', 'stale.txt'))
        assert os.path.isfile(os.path.join(folder, 'node_modules', 'late', 'package.json'))
        support.check('a lockfile install into a new node_modules links at once')
    finally:
        server.shutdown()
        shutil.rmtree(TMP, ignore_errors=True)


if __name__ == '__main__':
    main()
