#!/usr/bin/env python3
"""`skua link` end to end: global registration under npm's `prefix`, project links, bins.

Usage: link_test.py SKUA
Each check prints "ok <name>" or raises. When npm is on PATH, `npm link` runs on a copy
of the same folders with its own prefix and the symlinks must be the same.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKUA = os.path.abspath(sys.argv[1])
TMP = tempfile.mkdtemp(prefix='skua-link-', dir=os.environ.get('TEST_TMPDIR'))


def env(prefix=None):
    e = {k: v for k, v in os.environ.items() if not k.lower().startswith('npm_config_')}
    e['HOME'] = os.path.join(TMP, 'home')
    os.makedirs(e['HOME'], exist_ok=True)
    if prefix:
        e['npm_config_prefix'] = prefix
    return e


def run(cmd, cwd, prefix=None, expect=0):
    r = subprocess.run(cmd, cwd=cwd, env=env(prefix), text=True, capture_output=True, timeout=120)
    if r.returncode != expect:
        raise AssertionError('%s: exit %d\n%s\n%s' % (' '.join(cmd), r.returncode, r.stdout, r.stderr))
    return r


def tree(root, name):
    """The package folder, an app, and a prefix under TMP/root."""
    base = os.path.join(TMP, root)
    for rel, pkg in {'mylib': {'name': '@me/mylib', 'version': '1.0.0', 'bin': {'mycli': 'bin/cli.js'}},
                     'app': {'name': 'app', 'version': '1.0.0'}}.items():
        os.makedirs(os.path.join(base, rel), exist_ok=True)
        with open(os.path.join(base, rel, 'package.json'), 'w') as f:
            json.dump(pkg, f)
    os.makedirs(os.path.join(base, 'mylib/bin'), exist_ok=True)
    with open(os.path.join(base, 'mylib/bin/cli.js'), 'w') as f:
        f.write('#!/bin/sh\necho mycli\n')
    os.chmod(os.path.join(base, 'mylib/bin/cli.js'), 0o644)
    return base


def links(base):
    out = {}
    for rel in ('prefix/lib/node_modules/@me/mylib', 'prefix/bin/mycli', 'app/node_modules/@me/mylib',
                'app/node_modules/.bin/mycli'):
        p = os.path.join(base, rel)
        out[rel] = os.readlink(p) if os.path.islink(p) else None
    return out


def check(name):
    print('ok', name, flush=True)


def main():
    base = tree('skua', 'skua')
    prefix = os.path.join(base, 'prefix')
    r = run([SKUA, 'link', '@me/mylib'], os.path.join(base, 'app'), prefix, expect=1)
    assert 'E404' in r.stderr and '@me/mylib is not linked globally' in r.stderr, r.stderr
    check('linking a package that is not linked globally: E404')

    run([SKUA, 'link'], os.path.join(base, 'mylib'), prefix)
    got = links(base)
    assert got['prefix/lib/node_modules/@me/mylib'] == '../../../../mylib', got
    assert got['prefix/bin/mycli'] == '../lib/node_modules/@me/mylib/bin/cli.js', got
    assert run([os.path.join(prefix, 'bin/mycli')], base).stdout == 'mycli\n'
    check('skua link registers the folder and its bins under the prefix')

    run([SKUA, 'link', '@me/mylib'], os.path.join(base, 'app'), prefix)
    got = links(base)
    assert got['app/node_modules/@me/mylib'] == '../../../mylib', got
    assert run([os.path.join(base, 'app/node_modules/.bin/mycli')], base).stdout == 'mycli\n'
    with open(os.path.join(base, 'app/package.json')) as f:
        assert json.load(f) == {'name': 'app', 'version': '1.0.0'}  # Not saved, as npm.
    check('skua link NAME links the global package into node_modules with its bins')

    r = run([SKUA, 'link', '-g'], os.path.join(base, 'mylib'), prefix, expect=1)
    assert 'ELINKGLOBAL' in r.stderr, r.stderr
    check('--global refused as npm refuses it')

    if shutil.which('npm'):
        nbase = tree('npm', 'npm')
        nprefix = os.path.join(nbase, 'prefix')
        npmrc = os.path.join(TMP, 'empty-npmrc')
        open(npmrc, 'w').close()
        flags = ['--userconfig', npmrc, '--no-audit', '--no-fund', '--ignore-scripts']
        run(['npm', 'link', *flags], os.path.join(nbase, 'mylib'), nprefix)
        run(['npm', 'link', '@me/mylib', *flags], os.path.join(nbase, 'app'), nprefix)
        assert links(nbase) == links(base), (links(nbase), links(base))
        check('same symlinks as npm link')
    else:
        print('skip npm comparison: npm not on PATH')


if __name__ == '__main__':
    main()
