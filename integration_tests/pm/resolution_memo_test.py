#!/usr/bin/env python3
"""The resolution memo (pm/cli/resolution_memo.h) against tools/testing/test_registry.py: a
first install without lockfile or node_modules reuses an earlier resolution of the same
inputs only while every packument it read is the same cache file, and installs exactly
what resolving again would.

Usage: resolution_memo_test.py SKUA TEST_REGISTRY_PY
"""
import glob
import json
import os
import sys
import tempfile
import threading
import time
import urllib.parse

import pm_test_support as support

SKUA = os.path.abspath(sys.argv[1])
sys.path.insert(0, os.path.dirname(os.path.abspath(sys.argv[2])))
import test_registry  # noqa: E402

TMP = tempfile.mkdtemp(prefix='skua-memo-', dir=os.environ.get('TEST_TMPDIR'))
REUSED = 'resolution reused from the cache'


def fixture(b_versions):
    return {'packages': {
        'a': {'versions': {'1.0.0': {'manifest': {'dependencies': {'b': '^1.0.0'}}},
                           '1.1.0': {'manifest': {'dependencies': {'b': '^1.0.0'}}}}},
        'b': {'versions': {v: {} for v in b_versions}},
        # Refused by engines: the resolution warns (EBADENGINE), and so must a reuse.
        'e': {'versions': {'1.0.0': {'manifest': {'engines': {'node': '>=99'}}}}},
        # `bundler` ships `inner` and, for it, wrap@6 in its tarball; its own `cli@1`
        # wants wrap@^7 and finds the bundled one. The resolution (npm's too) does not see
        # the bundle's wrap@6 before it reads the tarball, so the lockfile it writes fails
        # its own check (lockfile/ci_check), and a memo of it is refused.
        'bundler': {'versions': {'1.0.0': {
            'manifest': {'dependencies': {'inner': '^1.0.0', 'cli': '^1.0.0'}, 'bundleDependencies': ['inner']},
            'files': {'node_modules/inner/package.json': json.dumps(
                          {'name': 'inner', 'version': '1.0.0', 'dependencies': {'wrap': '^6.0.0'}}),
                      'node_modules/wrap/package.json': '{"name": "wrap", "version": "6.0.0"}'}}}},
        'inner': {'versions': {'1.0.0': {'manifest': {'dependencies': {'wrap': '^6.0.0'}}}}},
        'cli': {'versions': {'1.0.0': {'manifest': {'dependencies': {'wrap': '^7.0.0'}}}, '2.0.0': {}}},
        'wrap': {'versions': {'6.0.0': {}, '7.0.0': {}}},
    }}


class Registry:
    """The test registry in this process, restartable on the same port (the same URL, so
    the same configuration) with another fixture."""

    def __init__(self, data, port=0):
        self.server = test_registry.RegistryServer(data, port=port)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = self.server.url
        self.port = urllib.parse.urlsplit(self.url).port

    def requests(self):
        with self.server.registry.lock:
            return [path for method, path, status in self.server.registry.requests]

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def tree(project):
    """(folder, version) of every package.json under node_modules."""
    out = []
    for pj in sorted(glob.glob(os.path.join(project, 'node_modules', '**', 'package.json'), recursive=True)):
        with open(pj) as f:
            out.append((os.path.relpath(os.path.dirname(pj), project), json.load(f)['version']))
    return out


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def main():
    registry = Registry(fixture(['1.0.0', '1.2.0']))
    env = support.clean_env(TMP)
    p = os.path.join(TMP, 'p')
    os.makedirs(p)
    package = {'name': 'p', 'version': '1.0.0', 'dependencies': {'a': '^1.0.0', 'e': '1.0.0'}}
    with open(os.path.join(p, 'package.json'), 'w') as f:
        json.dump(package, f)
    install = ('install', '--verbose', '--registry', registry.url)
    try:
        first = support.run_skua(SKUA, p, install, env)
        assert REUSED not in first.stdout + first.stderr, first.stdout + first.stderr
        assert 'Unsupported engine for e@1.0.0' in first.stdout + first.stderr, first.stdout + first.stderr
        lock = read(os.path.join(p, 'package-lock.json'))
        layout = tree(p)
        assert ('node_modules/b', '1.2.0') in layout, layout

        support.fresh(p)
        before = len(registry.requests())
        again = support.run_skua(SKUA, p, install, env)
        assert REUSED + ' (3 packuments unchanged)' in again.stdout + again.stderr, again.stdout + again.stderr
        assert registry.requests()[before:] == [], registry.requests()[before:]
        assert 'Unsupported engine for e@1.0.0' in again.stdout + again.stderr, again.stdout + again.stderr
        assert 'added 3 packages' in again.stdout, again.stdout
        assert read(os.path.join(p, 'package-lock.json')) == lock
        assert tree(p) == layout, (tree(p), layout)
        support.check('a second first install reuses the resolution: same lockfile and tree')

        # A memo whose lockfile does not match package.json (not one skua wrote) is
        # dropped: the install resolves and still writes its lockfile.
        memos = glob.glob(os.path.join(TMP, 'cache', 'resolutions', '*'))
        assert len(memos) == 1, memos
        with open(memos[0], 'rb') as f:
            memo = f.read()
        head, _, text = memo.partition(b'\nlockfile ')
        locked = text.split(b'\n', 1)[1].replace(b'"a": "^1.0.0"', b'"a": "^9.0.0"', 1)
        assert locked != text.split(b'\n', 1)[1]
        with open(memos[0], 'wb') as f:
            f.write(head + b'\nlockfile %d\n' % len(locked) + locked)
        support.fresh(p)
        r = support.run_skua(SKUA, p, install, env)
        assert 'does not match package.json; resolving again' in r.stdout + r.stderr, r.stdout + r.stderr
        assert read(os.path.join(p, 'package-lock.json')) == lock
        assert tree(p) == layout, (tree(p), layout)
        assert not os.path.exists(memos[0])
        support.check('a memo out of sync with package.json is dropped')
        support.fresh(p)
        support.run_skua(SKUA, p, install, env)
        assert os.path.exists(memos[0])  # Kept again by the next first install.

        # The same with a lockfile skua wrote: the resolution that replaces the memo makes
        # the same bytes, which must still be written.
        q = os.path.join(TMP, 'q')
        os.makedirs(q)
        with open(os.path.join(q, 'package.json'), 'w') as f:
            json.dump({'name': 'q', 'version': '1.0.0', 'dependencies': {'bundler': '1.0.0', 'cli': '2.0.0'}}, f)
        support.run_skua(SKUA, q, install, env)
        bundled_lock = read(os.path.join(q, 'package-lock.json'))
        support.fresh(q)
        r = support.run_skua(SKUA, q, install, env)
        assert 'does not match package.json; resolving again' in r.stdout + r.stderr, r.stdout + r.stderr
        assert read(os.path.join(q, 'package-lock.json')) == bundled_lock
        support.check('a memo its own check refuses is dropped; the lockfile is still written')

        # With node_modules (or a lockfile) the install starts from it, as before.
        os.remove(os.path.join(p, 'package-lock.json'))
        r = support.run_skua(SKUA, p, install, env)
        assert REUSED not in r.stdout + r.stderr, r.stdout + r.stderr
        support.check('not with a node_modules')

        # Other inputs: another memo.
        support.fresh(p)
        with open(os.path.join(p, 'package.json'), 'w') as f:
            json.dump(dict(package, dependencies={'a': '1.0.0', 'e': '1.0.0'}), f)
        r = support.run_skua(SKUA, p, install, env)
        assert REUSED not in r.stdout + r.stderr, r.stdout + r.stderr
        assert ('node_modules/a', '1.0.0') in tree(p), tree(p)
        support.fresh(p)
        with open(os.path.join(p, 'package.json'), 'w') as f:
            json.dump(package, f)
        r = support.run_skua(SKUA, p, install, env)
        assert REUSED in r.stdout + r.stderr, r.stdout + r.stderr
        assert read(os.path.join(p, 'package-lock.json')) == lock
        support.check('package.json is part of the key')

        # A new version is published; once the cached packuments are stale the install
        # revalidates them, and the memo (made from the old documents) must not hide it.
        registry.stop()
        registry = Registry(fixture(['1.0.0', '1.2.0', '1.3.0']), port=registry.port)
        stale = time.time() - 400
        for doc in glob.glob(os.path.join(TMP, 'cache', 'registry', '*', '*')):
            os.utime(doc, (stale, stale))
        support.fresh(p)
        r = support.run_skua(SKUA, p, install, env)
        assert REUSED not in r.stdout + r.stderr, r.stdout + r.stderr
        assert ('node_modules/b', '1.3.0') in tree(p), tree(p)
        support.check('a stale packument is revalidated, not answered by the memo')

        # --prefer-online asks the registry for every packument: no memo then.
        support.fresh(p)
        r = support.run_skua(SKUA, p, (*install, '--prefer-online'), env)
        assert REUSED not in r.stdout + r.stderr, r.stdout + r.stderr
        # That revalidation touched the cache files: the memo no longer matches them.
        support.fresh(p)
        r = support.run_skua(SKUA, p, install, env)
        assert REUSED not in r.stdout + r.stderr, r.stdout + r.stderr
        support.fresh(p)
        r = support.run_skua(SKUA, p, install, env)
        assert REUSED in r.stdout + r.stderr, r.stdout + r.stderr
        assert ('node_modules/b', '1.3.0') in tree(p), tree(p)
        support.check('--prefer-online, and revalidated packuments, resolve again')

        # A dependency read from a folder outside the workspaces makes no memo: its
        # package.json is not part of the key.
        local = os.path.join(TMP, 'local')
        os.makedirs(local)
        with open(os.path.join(local, 'package.json'), 'w') as f:
            json.dump({'name': 'local', 'version': '1.0.0'}, f)
        support.fresh(p)
        with open(os.path.join(p, 'package.json'), 'w') as f:
            json.dump(dict(package, dependencies={'a': '^1.0.0', 'local': 'file:../local'}), f)
        support.run_skua(SKUA, p, install, env)
        support.fresh(p)
        r = support.run_skua(SKUA, p, install, env)
        assert REUSED not in r.stdout + r.stderr, r.stdout + r.stderr
        support.check('no memo with a file: dependency')
    finally:
        registry.stop()


if __name__ == '__main__':
    main()
