#!/usr/bin/env python3
"""Workspaces end to end: `skua install` / `skua ci` against tools/testing/test_registry.py.

Usage: workspaces_test.py SKUA TEST_REGISTRY_PY
Each check prints "ok <name>" or raises. When npm 11 is on PATH, it installs the same
project against the same registry, and the lockfile bytes and the (path, name, version)
sets must be equal.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import pm_test_support as support

SKUA = os.path.abspath(sys.argv[1])
REGISTRY_PY = os.path.abspath(sys.argv[2])
TMP = tempfile.mkdtemp(prefix='skua-ws-', dir=os.environ.get('TEST_TMPDIR'))

FIXTURE = {'packages': {
    'b': {'versions': {'1.0.0': {}, '2.0.0': {}}},
    'c': {'versions': {'1.0.0': {'manifest': {'dependencies': {'b': '^1.0.0'}}}}},
    'd': {'versions': {'1.0.0': {'manifest': {'bin': {'dd': 'cli.js'}},
                                 'files': {'cli.js': {'content': '#!/bin/sh\necho d-cli\n', 'mode': 493}}}}},
}}

ROOT = {'name': 'root', 'version': '1.0.0', 'workspaces': ['packages/*', 'other/q', 'missing/*'],
        'dependencies': {'b': '^2.0.0'}}
FILES = {
    'packages/a/package.json': {'name': 'a', 'version': '1.0.0', 'dependencies': {'b': '^1.0.0', 'c': '1'},
                                'devDependencies': {'d': '1'}},
    'packages/z/package.json': {'name': '@x/zz', 'version': '0.1.0', 'dependencies': {'a': '^1.0.0'},
                                'bin': {'zz': 'z.js'}},
    'other/q/package.json': {'version': '2.0.0'},
}


def start_registry(fixture):
    return support.start_registry(REGISTRY_PY, os.path.join(TMP, 'fixture.json'), fixture)


def clean_env():
    return support.clean_env(TMP)


def skua(project, *args, expect=0):
    return support.run_skua(SKUA, project, args, clean_env(), expect)


def project(name, root, files):
    d = os.path.join(TMP, name)
    for rel, pkg in dict(files, **{'package.json': root}).items():
        os.makedirs(os.path.dirname(os.path.join(d, rel)), exist_ok=True)
        with open(os.path.join(d, rel), 'w') as f:
            json.dump(pkg, f, indent=2)
    os.makedirs(os.path.join(d, 'packages/nopkg'), exist_ok=True)  # No package.json: not a workspace.
    if os.path.isdir(os.path.join(d, 'packages/z')):
        with open(os.path.join(d, 'packages/z/z.js'), 'w') as f:
            f.write('#!/bin/sh\necho zz\n')
        os.chmod(os.path.join(d, 'packages/z/z.js'), 0o644)
    return d


def layout(d):
    """{(path, name, version)} of every installed package folder and link."""
    out = set()
    for root, dirs, files in os.walk(d):
        dirs[:] = [x for x in dirs if not x.startswith('.')]
        rel = os.path.relpath(root, d)
        for x in list(dirs):
            full = os.path.join(root, x)
            if os.path.islink(full):
                out.add((os.path.join(rel, x), '->', os.readlink(full)))
        if rel != '.' and 'node_modules' in rel.split(os.sep) and 'package.json' in files:
            with open(os.path.join(root, 'package.json')) as f:
                pj = json.load(f)
            out.add((rel, pj.get('name'), pj.get('version')))
    return out


check = support.check


def run(url):
    reg = '--registry=' + url
    p = project('skua', ROOT, FILES)
    skua(p, 'install', reg)
    links = {x: os.readlink(os.path.join(p, 'node_modules', x)) for x in ('a', '@x/zz', 'q')}
    assert links == {'a': '../packages/a', '@x/zz': '../../packages/z', 'q': '../other/q'}, links
    assert os.path.exists(os.path.join(p, 'packages/a/node_modules/b/package.json'))
    assert not os.path.exists(os.path.join(p, 'node_modules/nopkg'))
    assert subprocess.run([os.path.join(p, 'node_modules/.bin/dd')], capture_output=True, text=True).stdout == 'd-cli\n'
    assert os.path.islink(os.path.join(p, 'node_modules/.bin/zz'))
    with open(os.path.join(p, 'package-lock.json')) as f:
        lock = json.load(f)['packages']
    assert lock['node_modules/a'] == {'resolved': 'packages/a', 'link': True}, lock['node_modules/a']
    assert lock['packages/z']['name'] == '@x/zz' and lock['node_modules/d']['dev'] is True
    check('workspaces linked, their dependencies hoisted or nested, glob matching nothing ignored')

    if shutil.which('npm'):
        n = project('npm', ROOT, FILES)
        subprocess.run(['npm', 'install', reg, '--cache', os.path.join(TMP, 'npmcache'), '--ignore-scripts',
                        '--no-audit', '--no-fund', '--userconfig', os.path.join(TMP, 'empty-npmrc')],
                       cwd=n, env=clean_env(), check=True, capture_output=True, timeout=300)
        assert layout(n) == layout(p), layout(n) ^ layout(p)
        npm_lock = open(os.path.join(n, 'package-lock.json')).read()
        assert open(os.path.join(p, 'package-lock.json')).read() == npm_lock
        check('lockfile bytes and (path, name, version) set equal npm\'s')
    else:
        print('skip npm differential: npm not on PATH')

    lock_bytes = open(os.path.join(p, 'package-lock.json'), 'rb').read()
    with open(os.path.join(p, 'packages/a/node_modules/stale'), 'w') as f:
        f.write('x')
    r = skua(p, 'ci', reg)
    assert 'added 8 packages' in r.stdout, r.stdout
    assert not os.path.exists(os.path.join(p, 'packages/a/node_modules/stale'))
    assert os.path.exists(os.path.join(p, 'packages/a/node_modules/b/package.json'))
    assert open(os.path.join(p, 'package-lock.json'), 'rb').read() == lock_bytes
    check('ci installs a workspace project from its lockfile, emptying workspace node_modules')

    pkg_a = dict(FILES['packages/a/package.json'], dependencies={'b': '^1.0.0', 'c': '1', 'd': '1'})
    with open(os.path.join(p, 'packages/a/package.json'), 'w') as f:
        json.dump(pkg_a, f)
    r = skua(p, 'ci', reg, expect=1)
    assert "Invalid: lock file's a@1.0.0 (packages/a) does not match its package.json" in r.stderr, r.stderr
    skua(p, 'install', reg)
    with open(os.path.join(p, 'package-lock.json')) as f:
        assert json.load(f)['packages']['packages/a']['dependencies']['d'] == '1'
    check('a changed workspace package.json: ci refuses, install updates the lockfile')

    shutil.rmtree(os.path.join(p, 'other/q'))
    skua(p, 'install', reg)
    with open(os.path.join(p, 'package-lock.json')) as f:
        lock = json.load(f)['packages']
    assert 'other/q' not in lock and 'node_modules/q' not in lock, sorted(lock)
    assert not os.path.lexists(os.path.join(p, 'node_modules/q'))
    check('a removed workspace leaves the lockfile and node_modules')

    inner = project('inner', ROOT, FILES)
    with open(os.path.join(inner, '.npmrc'), 'w') as f:
        f.write('registry=%s\n' % url)
    skua(os.path.join(inner, 'packages/a'), 'install')
    assert not os.path.exists(os.path.join(inner, 'packages/a/package-lock.json'))
    assert open(os.path.join(inner, 'package-lock.json'), 'rb').read() == lock_bytes
    assert os.path.islink(os.path.join(inner, 'node_modules/a'))
    check('install inside a workspace folder installs the workspace root (with its .npmrc)')

    dup = project('dup', {'name': 'dup', 'workspaces': ['w/*']},
                  {'w/a/package.json': {'name': 'x'},
                   'w/b/package.json': {'name': 'x'}})
    r = skua(dup, 'install', reg, expect=1)
    assert 'EDUPLICATEWORKSPACE' in r.stderr and "package 'x' has conflicts" in r.stderr, r.stderr
    assert not os.path.exists(os.path.join(dup, 'package-lock.json'))
    check('two workspaces with one name: EDUPLICATEWORKSPACE, nothing written')

    bad = project('badconfig', {'name': 'bad', 'workspaces': 'packages/*'}, {})
    r = skua(bad, 'install', reg, expect=1)
    assert 'EWORKSPACESCONFIG' in r.stderr and 'workspaces config expects an Array' in r.stderr, r.stderr
    assert not os.path.exists(os.path.join(bad, 'package-lock.json'))
    check('workspaces that is not an array: EWORKSPACESCONFIG, as npm')

def install_filters(url):
    """An install filtered to workspaces (run inside one, -w, --include-workspace-root)
    writes only what they need and keeps the rest of node_modules, as npm 11 does; the
    lockfile is the whole project's either way."""
    reg = '--registry=' + url
    # The last steps drop a's devDependency d from its package.json: an install filtered
    # to q leaves d installed (outside the filter), a full install removes it.
    a_without_d = dict(FILES['packages/a/package.json'], devDependencies={})
    steps = [('packages/z', [], None), ('.', ['-w', 'q'], None),
             ('.', ['-w', 'a', '--include-workspace-root'], None), ('.', [], None),
             ('.', ['-w', 'q'], a_without_d), ('.', [], None)]

    def edit(d, a_package):
        if a_package is not None:
            with open(os.path.join(d, 'packages/a/package.json'), 'w') as f:
                json.dump(a_package, f, indent=2)

    p = project('filtered', ROOT, FILES)
    states = []
    for where, args, a_package in steps:
        edit(p, a_package)
        skua(os.path.join(p, where), 'install', reg, *args)
        with open(os.path.join(p, 'node_modules/.package-lock.json')) as f:
            states.append((layout(p), sorted(json.load(f)['packages'])))
    first = {x[0] for x in states[0][0]}
    assert 'node_modules/@x/zz' in first and 'node_modules/a' in first, first
    assert 'node_modules/d' in first and 'packages/a/node_modules/b' in first, first  # a's dev dep too.
    assert 'node_modules/b' not in first and 'node_modules/q' not in first, first
    assert states[0][1] == sorted({x[0] for x in states[0][0]} - {'packages/a/node_modules/b'} |
                                  {'packages/a', 'packages/z', 'packages/a/node_modules/b'}), states[0][1]
    second = {x[0] for x in states[1][0]}
    assert second == first | {'node_modules/q'}, second ^ first
    third = {x[0] for x in states[2][0]}
    assert third == second | {'node_modules/b'}, third ^ second
    with open(os.path.join(p, 'package-lock.json')) as f:
        assert 'other/q' in json.load(f)['packages']
    fifth, sixth = {x[0] for x in states[4][0]}, {x[0] for x in states[5][0]}
    assert 'node_modules/d' in fifth and 'node_modules/d' in states[4][1], fifth
    assert fifth - sixth == {'node_modules/d'}, fifth ^ sixth
    assert 'up to date' in skua(p, 'install', reg).stdout
    check('install filtered to workspaces writes their part only and keeps the rest, '
          'even what the lockfile dropped')

    r = skua(p, 'install', reg, '-w', 'nosuch', expect=1)
    assert 'No workspaces found' in r.stderr and '--workspace=nosuch' in r.stderr, r.stderr
    check('install -w of a missing workspace: "No workspaces found"')

    if shutil.which('npm'):
        n = project('filtered-npm', ROOT, FILES)
        for (where, args, a_package), (ours, hidden) in zip(steps, states):
            edit(n, a_package)
            subprocess.run(['npm', 'install', reg, *args, '--cache', os.path.join(TMP, 'npmcache'),
                            '--ignore-scripts', '--no-audit', '--no-fund', '--userconfig',
                            os.path.join(TMP, 'empty-npmrc')],
                           cwd=os.path.join(n, where), env=clean_env(), check=True, capture_output=True,
                           timeout=300)
            with open(os.path.join(n, 'node_modules/.package-lock.json')) as f:
                theirs = sorted(json.load(f)['packages'])
            assert layout(n) == ours, (where, args, layout(n) ^ ours)
            assert theirs == hidden, (where, args, theirs, hidden)
        check('each filtered install leaves the node_modules and hidden lockfile npm 11 leaves')
    else:
        print('skip npm differential: npm not on PATH')


def no_workspaces(url):
    """--workspaces=false: at the root only the root's own dependencies are written (the
    lockfile keeps the workspaces); inside a workspace, that folder is a project of its own."""
    reg = '--registry=' + url
    p = project('no-ws', ROOT, FILES)
    skua(p, 'install', reg, '--workspaces=false')
    assert {x[0] for x in layout(p)} == {'node_modules/b'}, layout(p)
    with open(os.path.join(p, 'package-lock.json')) as f:
        assert 'packages/a' in json.load(f)['packages']
    skua(os.path.join(p, 'packages/a'), 'install', reg, '--workspaces=false')
    assert os.path.exists(os.path.join(p, 'packages/a/package-lock.json'))
    assert os.path.exists(os.path.join(p, 'packages/a/node_modules/c/package.json'))
    check('--workspaces=false: the root\'s own dependencies; inside a workspace, a project of its own')
    if shutil.which('npm'):
        n = project('no-ws-npm', ROOT, FILES)
        for where in ('.', 'packages/a'):
            subprocess.run(['npm', 'install', reg, '--workspaces=false', '--cache', os.path.join(TMP, 'npmcache'),
                            '--ignore-scripts', '--no-audit', '--no-fund', '--userconfig',
                            os.path.join(TMP, 'empty-npmrc')],
                           cwd=os.path.join(n, where), env=clean_env(), check=True, capture_output=True,
                           timeout=300)
        assert layout(n) == layout(p), layout(n) ^ layout(p)
        check('--workspaces=false leaves the node_modules npm 11 leaves')


def update_filters(url):
    """update -w: the workspace's part is resolved again and written; a package also
    installed outside that part keeps its locked version."""
    p = project('update-w', ROOT, FILES)
    skua(p, 'install', '--registry=' + url)
    e = project('add-w-existing', ROOT, FILES)
    skua(e, 'install', '--registry=' + url)
    newer = json.loads(json.dumps(FIXTURE))
    newer['packages']['b']['versions']['2.1.0'] = {}
    newer['packages']['c']['versions']['1.1.0'] = {'manifest': {'dependencies': {'b': '^1.0.0'}}}
    proc, newer_url = support.start_registry(REGISTRY_PY, os.path.join(TMP, 'newer.json'), newer)
    try:
        skua(p, 'update', '-w', 'a', '--registry=' + newer_url)
        with open(os.path.join(p, 'package-lock.json')) as f:
            lock = json.load(f)['packages']
        installed = {loc: v for loc, _, v in layout(p)}
        assert lock['node_modules/c']['version'] == installed['node_modules/c'] == '1.1.0', (lock, installed)
        assert lock['node_modules/b']['version'] == installed['node_modules/b'] == '2.0.0', (lock, installed)
        check('update -w NAME resolves the workspace\'s part again, other copies stay locked')

        skua(p, 'update', '--latest', '-w', 'a', 'b', '--registry=' + newer_url)
        with open(os.path.join(p, 'packages/a/package.json')) as f:
            deps = json.load(f)['dependencies']
        with open(os.path.join(p, 'package.json')) as f:
            root_deps = json.load(f)['dependencies']
        assert deps == {'b': '^2.1.0', 'c': '1'} and root_deps == {'b': '^2.0.0'}, (deps, root_deps)
        # a's b now fits the hoisted copy: the nested one is gone (it would shadow it).
        installed = {loc: v for loc, _, v in layout(p)}
        assert installed['node_modules/b'] == '2.1.0' and 'packages/a/node_modules/b' not in installed, installed
        check('update --latest -w NAME PKG moves the workspace\'s range, not the root\'s; '
              'a nested copy the tree moved is pruned from the workspace\'s node_modules')

        # npm's explicit request from a workspace: the root's b 2.0.0 fits ^2.0.0 but is
        # replaced by the newest.
        skua(e, 'add', 'b@^2.0.0', '-w', '@x/zz', '--registry=' + newer_url)
        installed = {loc: v for loc, _, v in layout(e)}
        assert installed['node_modules/b'] == '2.1.0', installed
        check('add PKG -w NAME replaces the copy it finds, as npm\'s explicit request')
    finally:
        proc.kill()


def write_bin(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write('#!/bin/sh\necho %s\n' % text)
    os.chmod(path, 0o755)


def run_filters():
    """`skua run -w` / `--workspaces` / `--if-present`, with npm 11's output and exit codes."""
    build = 'rootbin && wsbin && echo "$npm_package_name $npm_lifecycle_event $INIT_CWD" && pwd'
    p = project('runws', {'name': 'root', 'version': '1.0.0', 'workspaces': ['packages/*'],
                          'scripts': {'build': 'echo root-build'}},
                {'packages/a/package.json': {'name': 'a', 'version': '1.0.0',
                                             'scripts': {'build': build, 't': 'exit 3'}},
                 'packages/b/package.json': {'name': 'b', 'version': '2.0.0', 'scripts': {'t': 'exit 4'}},
                 'packages/c/package.json': {'name': 'c', 'version': '0.1.0',
                                             'scripts': {'build': 'echo build-c', 't': 'exit 5'}}})
    write_bin(os.path.join(p, 'node_modules/.bin/rootbin'), 'root-bin')
    write_bin(os.path.join(p, 'packages/a/node_modules/.bin/wsbin'), 'ws-bin')
    a_dir = os.path.realpath(os.path.join(p, 'packages/a'))

    for flag in (['-w', 'a'], ['--workspace=a'], ['--workspace', 'packages/a']):
        r = skua(p, 'run', 'build', *flag)
        assert r.stdout == '\n> a@1.0.0 build\n> %s\n\nroot-bin\nws-bin\na build %s\n%s\n' % (
            build, os.path.realpath(p), a_dir), (flag, r.stdout)
    check('run -w NAME|PATH: the workspace\'s script in its folder, its and the root\'s .bin on PATH')

    r = skua(os.path.join(p, 'packages/c'), 'run', 'build', '-w', '../a')
    assert ('a build %s\n' % os.path.realpath(os.path.join(p, 'packages/c'))) in r.stdout, r.stdout
    assert 'build-c' not in r.stdout and 'root-build' not in r.stdout, r.stdout
    check('run -w PATH from inside another workspace: relative to the working directory')

    r = skua(p, 'run', 'build', '--workspaces', expect=1)
    assert r.stdout.index('> a@1.0.0 build') < r.stdout.index('> c@0.1.0 build\n> echo build-c\n\nbuild-c\n'), r.stdout
    assert 'root-build' not in r.stdout, r.stdout
    assert 'workspace b@2.0.0' in r.stderr and 'Missing script: "build"' in r.stderr, r.stderr
    r = skua(p, 'run', 'build', '-ws', '--if-present')
    assert '> a@1.0.0 build' in r.stdout and 'build-c' in r.stdout, r.stdout
    assert r.stderr == '', r.stderr
    check('run --workspaces: every workspace in order; a missing script fails unless --if-present')

    r = skua(p, 'run', 't', '-ws', expect=5)  # npm 11: process.exitCode is the last failure's.
    assert [x for x in r.stdout.split('\n') if x.startswith('> ') and '@' in x] == [
        '> a@1.0.0 t', '> b@2.0.0 t', '> c@0.1.0 t'], r.stdout
    assert 'code 3' in r.stderr and 'workspace b@2.0.0' in r.stderr, r.stderr
    check('run --workspaces: a failing workspace does not stop the others; exit code as npm')

    r = skua(p, 'run', 'build', '-w', 'nope', expect=1)
    assert r.stdout == '', r.stdout
    assert 'No workspaces found:' in r.stderr and '--workspace=nope' in r.stderr, r.stderr
    r = skua(p, 'run', 'build', '-w', 'a', '-w', 'nope')
    assert '> a@1.0.0 build' in r.stdout, r.stdout
    check('run -w of a missing workspace: "No workspaces found", exit 1; with another match, fine')


def read(path):
    with open(path) as f:
        return f.read()


def add_filters(url):
    """`skua add PKG -w` / `skua remove PKG -w` edit the workspace's package.json."""
    reg = '--registry=' + url
    p = project('addws', ROOT, FILES)
    root_before = read(os.path.join(p, 'package.json'))
    skua(p, 'add', 'd', '-w', '@x/zz', reg)
    z = json.loads(read(os.path.join(p, 'packages/z/package.json')))
    assert z['dependencies'] == {'a': '^1.0.0', 'd': '^1.0.0'}, z
    assert read(os.path.join(p, 'package.json')) == root_before
    with open(os.path.join(p, 'package-lock.json')) as f:
        lock = json.load(f)['packages']
    assert lock['packages/z']['dependencies'] == {'a': '^1.0.0', 'd': '^1.0.0'}, lock['packages/z']
    assert os.path.exists(os.path.join(p, 'node_modules/d/package.json'))
    added = read(os.path.join(p, 'packages/z/package.json'))
    check('add PKG -w NAME: saved in the workspace\'s package.json, installed at the root')

    skua(os.path.join(p, 'packages/a'), 'remove', 'c', '--workspace', '.', reg)
    a = json.loads(read(os.path.join(p, 'packages/a/package.json')))
    assert a['dependencies'] == {'b': '^1.0.0'}, a
    assert read(os.path.join(p, 'package.json')) == root_before
    with open(os.path.join(p, 'package-lock.json')) as f:
        lock = json.load(f)['packages']
    assert 'node_modules/c' not in lock and 'c' not in lock['packages/a']['dependencies'], sorted(lock)
    assert not os.path.exists(os.path.join(p, 'node_modules/c'))
    removed = read(os.path.join(p, 'packages/a/package.json'))
    check('remove PKG -w PATH: taken out of the workspace\'s package.json and the tree')

    before = read(os.path.join(p, 'packages/z/package.json'))
    r = skua(p, 'add', 'b', '-w', 'nope', reg, expect=1)
    assert 'No workspaces found:' in r.stderr and '--workspace=nope' in r.stderr, r.stderr
    assert read(os.path.join(p, 'packages/z/package.json')) == before
    assert read(os.path.join(p, 'package.json')) == root_before
    check('add -w of a missing workspace: "No workspaces found", nothing written')

    if shutil.which('npm'):
        n = project('npmaddws', ROOT, FILES)
        npm = ['--cache', os.path.join(TMP, 'npmcache'), '--ignore-scripts', '--no-audit', '--no-fund',
               '--userconfig', os.path.join(TMP, 'empty-npmrc'), reg]
        subprocess.run(['npm', 'install', 'd', '-w', '@x/zz', *npm], cwd=n, env=clean_env(), check=True,
                       capture_output=True, timeout=300)
        assert read(os.path.join(n, 'packages/z/package.json')) == added
        subprocess.run(['npm', 'uninstall', 'c', '--workspace', '.', *npm], cwd=os.path.join(n, 'packages/a'),
                       env=clean_env(), check=True, capture_output=True, timeout=300)
        assert read(os.path.join(n, 'packages/a/package.json')) == removed
        assert read(os.path.join(n, 'package.json')) == root_before
        check('add -w / remove -w package.json bytes equal npm\'s')
    else:
        print('skip npm differential: npm not on PATH')


def main():
    open(os.path.join(TMP, 'empty-npmrc'), 'w').close()
    proc, url = start_registry(FIXTURE)
    try:
        run(url)
        install_filters(url)
        update_filters(url)
        no_workspaces(url)
        run_filters()
        add_filters(url)
    finally:
        proc.kill()


if __name__ == '__main__':
    main()
