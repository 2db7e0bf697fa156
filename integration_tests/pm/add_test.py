#!/usr/bin/env python3
"""`skua add/remove/update/ls/why/outdated` and global installs end to end against
tools/testing/test_registry.py.

Usage: add_test.py SKUA TEST_REGISTRY_PY
Each check prints "ok <name>" or raises. npm 11, when on PATH, makes the same edits for a
differential comparison of package.json bytes and `ls`/`explain` output.
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
TMP = tempfile.mkdtemp(prefix='skua-add-', dir=os.environ.get('TEST_TMPDIR'))

FIXTURE = {'packages': {
    'a': {'dist-tags': {'latest': '1.1.0'}, 'versions': {
        '1.0.0': {'manifest': {'dependencies': {'b': '^1.0.0'}, 'bin': {'acli': 'cli.js'}},
                  'files': {'cli.js': {'content': '#!/bin/sh\necho a-cli-1.0\n', 'mode': 420}}},
        '1.1.0': {'manifest': {'dependencies': {'b': '^1.0.0'}, 'bin': {'acli': 'cli.js'}},
                  'files': {'cli.js': {'content': '#!/bin/sh\necho a-cli-1.1\n', 'mode': 420}}},
        '2.0.0': {}}},
    'b': {'versions': {'1.0.0': {}, '1.0.1': {}, '2.0.0': {}}},
    'c': {'dist-tags': {'latest': '1.2.0', 'next': '2.0.0-beta.1'},
          'versions': {'1.0.0': {}, '1.2.0': {}, '2.0.0-beta.1': {}}},
}}

# Tab indent, a key after the dependencies, no final newline: npm keeps the first two and
# adds the newline.
START = '{\n\t"name": "p",\n\t"version": "1.0.0",\n\t"zzz": true\n}'


def start_registry():
    return support.start_registry(REGISTRY_PY, os.path.join(TMP, 'fixture.json'), FIXTURE)


def clean_env(**extra):
    return support.clean_env(TMP, **extra)


def run(cmd, project, expect, env):
    r = subprocess.run(cmd, cwd=project, env=env or clean_env(), text=True, capture_output=True,
                       timeout=300)
    if expect is not None and r.returncode != expect:
        raise AssertionError('%s: exit %d (wanted %d)\nstdout:\n%s\nstderr:\n%s' % (
            ' '.join(cmd), r.returncode, expect, r.stdout, r.stderr))
    return r


def skua(project, *args, expect=0, env=None):
    return run([SKUA, *args], project, expect, env)


def npm(project, url, *args, expect=0):
    return run(['npm', *args, '--registry', url, '--cache', os.path.join(TMP, 'npmcache'),
                '--no-audit', '--no-fund', '--ignore-scripts'], project, expect, None)


def new_project(name, text=START):
    d = os.path.join(TMP, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    write(d, 'package.json', text)
    return d


def read(d, name):
    with open(os.path.join(d, name)) as f:
        return f.read()


def write(d, name, text):
    with open(os.path.join(d, name), 'w') as f:
        f.write(text)


def version(d, name):
    return json.loads(read(d, 'node_modules/%s/package.json' % name))['version']


check = support.check


def main():
    proc, url = start_registry()
    try:
        checks(url)
        if shutil.which('npm'):
            differential(url)
        else:
            print('skip npm differential: npm not on PATH')
    finally:
        proc.kill()


def checks(url):
    reg = ('--registry', url)
    p = new_project('p')

    skua(p, 'add', 'a', *reg)
    assert read(p, 'package.json') == ('{\n\t"name": "p",\n\t"version": "1.0.0",\n\t"zzz": true,\n'
                                       '\t"dependencies": {\n\t\t"a": "^1.1.0"\n\t}\n}\n'), read(p, 'package.json')
    assert version(p, 'a') == '1.1.0' and version(p, 'b') == '1.0.1'
    assert 'node_modules/a' in json.loads(read(p, 'package-lock.json'))['packages']
    check('add: latest saved with ^, indentation and key order kept, installed, locked')

    skua(p, 'add', 'c@next', '-D', *reg)
    skua(p, 'add', 'b@~1.0', *reg)
    pj = json.loads(read(p, 'package.json'))
    assert pj['devDependencies'] == {'c': '^2.0.0-beta.1'}, pj
    assert list(pj['dependencies'].items()) == [('a', '^1.1.0'), ('b', '~1.0')], pj
    assert version(p, 'c') == '2.0.0-beta.1'
    check('add -D with a tag; a range that is not a superset is saved as written')

    # A bare name keeps the spec package.json declares (npm's add): b stays on ~1.0
    # although 2.0.0 is the latest.
    skua(p, 'add', 'b', *reg)
    assert json.loads(read(p, 'package.json'))['dependencies']['b'] == '~1.0'
    assert version(p, 'b') == '1.0.1'
    check('add NAME of a declared dependency keeps its range')

    skua(p, 'add', 'a@1.0.0', 'b@1.0.0', '-E', *reg)
    pj = json.loads(read(p, 'package.json'))
    assert pj['dependencies'] == {'a': '1.0.0', 'b': '1.0.0'}, pj
    assert version(p, 'a') == '1.0.0' and version(p, 'b') == '1.0.0'
    skua(p, 'install', 'a@1.0.0', 'b@1.0.0', *reg)
    assert json.loads(read(p, 'package.json'))['dependencies'] == {'a': '^1.0.0', 'b': '^1.0.0'}
    assert version(p, 'a') == '1.0.0' and version(p, 'b') == '1.0.0'
    check('add -E saves exact; `install PKG@version` saves ^version and installs that version')

    before = read(p, 'package.json'), read(p, 'package-lock.json')
    r = skua(p, 'add', 'nope', *reg, expect=1)
    assert 'E404' in r.stderr and "'nope@*'" in r.stderr, r.stderr
    r = skua(p, 'add', 'c@^9', *reg, expect=1)
    assert 'ETARGET' in r.stderr and 'No matching version found for c@^9.' in r.stderr, r.stderr
    assert '1.0.0 1.2.0 2.0.0-beta.1' in r.stderr, r.stderr
    assert (read(p, 'package.json'), read(p, 'package-lock.json')) == before
    check('unknown package (E404) and unsatisfiable range (ETARGET, versions listed): nothing written')

    bad = '{\n  "name": "p",\n  "dependencies": {,}\n}\n'
    write(p, 'package.json', bad)
    for args in (('add', 'c'), ('remove', 'a'), ('update',), ('ls',)):
        r = skua(p, *args, *reg, expect=1)
        assert os.path.join(p, 'package.json') in r.stderr and 'position 36' in r.stderr, r.stderr
        assert read(p, 'package.json') == bad
    write(p, 'package.json', before[0])
    check('invalid package.json: file and position named, nothing written')

    r = skua(p, 'ls')
    assert r.stdout == 'p@1.0.0 %s\n├── a@1.0.0\n├── b@1.0.0\n└── c@2.0.0-beta.1\n\n' % p, r.stdout
    r = skua(p, 'ls', '--all')
    assert '├─┬ a@1.0.0\n│ └── b@1.0.0 deduped\n' in r.stdout, r.stdout
    tree = json.loads(skua(p, 'ls', '--json', '--depth=1').stdout)
    assert tree['name'] == 'p' and tree['dependencies']['a']['version'] == '1.0.0', tree
    assert tree['dependencies']['a']['dependencies']['b']['version'] == '1.0.0', tree
    r = skua(p, 'ls', 'b')
    assert 'b@1.0.0' in r.stdout and 'c@' not in r.stdout, r.stdout
    check('ls: depth 0, --all with deduped, --json, filtered')

    r = skua(p, 'why', 'b')
    assert r.stdout == ('b@1.0.0\nnode_modules/b\n  b@"^1.0.0" from the root project\n'
                        '  b@"^1.0.0" from a@1.0.0\n  node_modules/a\n'
                        '    a@"^1.0.0" from the root project\n'), r.stdout
    r = skua(p, 'explain', 'zz', expect=1)
    assert 'No dependencies found matching zz' in r.stderr
    check('why / explain')

    r = skua(p, 'outdated', *reg, expect=1)
    lines = r.stdout.splitlines()
    assert lines[0].split() == ['Package', 'Current', 'Wanted', 'Latest', 'Location', 'Depended', 'by'], lines
    assert lines[1].split() == ['a', '1.0.0', '1.1.0', '1.1.0', 'node_modules/a', 'p'], lines
    assert lines[2].split()[:4] == ['b', '1.0.0', '1.0.1', '2.0.0'], lines
    check('outdated: table, exit code 1')

    pj_before = read(p, 'package.json')
    skua(p, 'update', 'a', *reg)
    assert version(p, 'a') == '1.1.0' and version(p, 'b') == '1.0.0'
    skua(p, 'update', *reg)
    assert version(p, 'b') == '1.0.1' and read(p, 'package.json') == pj_before
    r = skua(p, 'outdated', *reg, expect=1)
    assert [l.split()[0] for l in r.stdout.splitlines()[1:]] == ['b', 'c'], r.stdout
    skua(p, 'update', '--latest', 'b', 'c', *reg)
    pj = json.loads(read(p, 'package.json'))
    assert pj['dependencies'] == {'a': '^1.0.0', 'b': '^2.0.0'} and pj['devDependencies'] == {'c': '^1.2.0'}, pj
    assert version(p, 'b') == '2.0.0' and version(p, 'a') == '1.1.0'
    skua(p, 'outdated', *reg)
    check('update NAME keeps other pins; update re-resolves all; --latest moves ranges')

    lock = read(p, 'package-lock.json')
    skua(p, 'remove', 'c', 'b', *reg)
    pj = json.loads(read(p, 'package.json'))
    assert pj == {'name': 'p', 'version': '1.0.0', 'zzz': True, 'dependencies': {'a': '^1.0.0'}}, pj
    assert not os.path.exists(os.path.join(p, 'node_modules/c'))
    # Still needed by a, and left where the lockfile had it: npm starts from the lockfile's
    # tree and does not hoist what stays.
    assert version(p, 'a/node_modules/b') == '1.0.1' and not os.path.exists(os.path.join(p, 'node_modules/b'))
    assert read(p, 'package-lock.json') != lock and 'node_modules/c' not in json.loads(read(p, 'package-lock.json'))['packages']
    check('remove: every dependency kind, empty object dropped, pruned, lockfile rewritten')

    # npm saves package.json, its dependencies sorted, even when the name was not there.
    sorted_pj, lock = read(p, 'package.json'), read(p, 'package-lock.json')
    with open(os.path.join(p, 'package.json'), 'w') as f:
        f.write(json.dumps(dict(pj, dependencies={'zz-unused': '1', 'a': '^1.0.0'}), indent=2) + '\n')
    skua(p, 'remove', 'zz-unused', 'not-a-dependency', '--package-lock-only', *reg)
    assert json.loads(read(p, 'package.json')) == json.loads(sorted_pj), read(p, 'package.json')
    with open(os.path.join(p, 'package.json'), 'w') as f:
        f.write(json.dumps(dict(pj, dependencies={'b': '^1.0.0', 'a': '^1.0.0'}), indent=2) + '\n')
    skua(p, 'remove', 'not-a-dependency', '--package-lock-only', *reg)
    assert list(json.loads(read(p, 'package.json'))['dependencies']) == ['a', 'b'], read(p, 'package.json')
    with open(os.path.join(p, 'package.json'), 'w') as f:
        f.write(sorted_pj)
    with open(os.path.join(p, 'package-lock.json'), 'w') as f:
        f.write(lock)
    check('remove sorts package.json\'s dependencies even when nothing was removed, as npm')

    lib = new_project('lib', '{"name": "lib", "version": "0.1.0"}')
    os.makedirs(os.path.join(p, 'sub'), exist_ok=True)
    skua(os.path.join(p, 'sub'), 'add', '../../lib', *reg)
    assert json.loads(read(p, 'package.json'))['dependencies']['lib'] == 'file:../lib'
    assert os.path.realpath(os.path.join(p, 'node_modules/lib')) == os.path.realpath(lib)
    skua(p, 'rm', 'lib', *reg)
    assert not os.path.lexists(os.path.join(p, 'node_modules/lib'))
    check('add a folder (saved file: relative to the project, from a subfolder); rm')

    pj_text, lock = read(p, 'package.json'), read(p, 'package-lock.json')
    skua(p, 'add', 'c', '--no-save', *reg)
    assert version(p, 'c') == '1.2.0'
    assert (read(p, 'package.json'), read(p, 'package-lock.json')) == (pj_text, lock)
    check('--no-save installs without writing package.json or the lockfile')

    edited = json.loads(pj_text)
    edited.setdefault('dependencies', {})['c'] = '^1.0.0'
    write(p, 'package.json', json.dumps(edited, indent=2) + '\n')
    skua(p, 'install', '--no-save', *reg)
    assert version(p, 'c') == '1.2.0'
    assert read(p, 'package-lock.json') == lock
    assert 'c' not in json.loads(lock)['packages']['']['dependencies']
    skua(p, 'install', *reg)
    assert 'c' in json.loads(read(p, 'package-lock.json'))['packages']['']['dependencies']
    write(p, 'package.json', pj_text)
    write(p, 'package-lock.json', lock)
    check('install --no-save leaves the lockfile; the next install writes it')

    home = os.path.join(TMP, 'ghome')
    genv = clean_env(HOME=home, PATH='/usr/bin:/bin')
    r = skua(p, 'add', '-g', 'a@1.0.0', *reg, env=genv)
    prefix = os.path.join(home, '.skua/global')
    bin_path = os.path.join(prefix, 'bin/acli')
    assert version(os.path.join(prefix, 'lib'), 'a') == '1.0.0'
    assert subprocess.run([bin_path], capture_output=True, text=True).stdout == 'a-cli-1.0\n'
    assert bin_path in r.stdout and 'not on PATH' in r.stdout, r.stdout
    assert json.loads(read(p, 'package.json')) == json.loads(pj_text)  # The project is untouched.
    r = skua(p, 'ls', '-g', env=genv)
    assert '└── a@1.0.0' in r.stdout, r.stdout
    skua(p, 'remove', '-g', 'a', *reg, env=genv)
    assert not os.path.lexists(bin_path) and not os.path.exists(os.path.join(prefix, 'lib/node_modules/a'))
    other = os.path.join(TMP, 'prefix')
    skua(p, 'add', '-g', '--prefix', other, 'a', *reg, env=genv)
    assert os.path.islink(os.path.join(other, 'bin/acli'))
    check('global add/remove under ~/.skua/global (and --prefix), bins linked with a PATH hint')

    # npm's `install -g` without packages: the package of the current folder, from a subfolder too.
    g = new_project('gpkg', '{"name": "gpkg", "version": "1.0.0", "bin": {"gcli": "cli.sh"}}')
    write(g, 'cli.sh', '#!/bin/sh\necho gpkg-cli\n')
    os.makedirs(os.path.join(g, 'sub'))
    skua(os.path.join(g, 'sub'), 'install', '-g', *reg, env=genv)
    out = subprocess.run([os.path.join(prefix, 'bin/gcli')], capture_output=True, text=True).stdout
    assert out == 'gpkg-cli\n', out
    r = skua('/', 'install', '-g', *reg, env=genv, expect=1)
    assert 'EUSAGE' in r.stderr, r.stderr
    check('install -g without packages installs the current folder\'s package')


def differential(url):
    reg = ('--registry', url)
    # Names of one length: the root's folder name is a column of outdated's tables.
    n, s = new_project('npm-p'), new_project('sk-pp')
    npm(n, url, 'install', 'a', 'b@~1.0')
    npm(n, url, 'install', '-D', 'c@next')
    skua(s, 'add', 'a', 'b@~1.0', *reg)
    skua(s, 'add', '-D', 'c@next', *reg)
    assert read(n, 'package.json') == read(s, 'package.json'), (read(n, 'package.json'), read(s, 'package.json'))
    for args in (('ls',), ('ls', '--all'), ('explain', 'b')):
        a = run(['npm', *args], n, 0, None).stdout.split('\n', 1 if args[0] == 'ls' else 0)[-1]
        b = skua(s, *args).stdout.split('\n', 1 if args[0] == 'ls' else 0)[-1]
        assert a == b, (args, a, b)
    npm(n, url, 'uninstall', 'c')
    skua(s, 'remove', 'c', *reg)
    assert read(n, 'package.json') == read(s, 'package.json'), (read(n, 'package.json'), read(s, 'package.json'))

    # An extraneous package (installed without saving) and a missing one (hand edit).
    npm(n, url, 'install', 'c', '--no-save')
    skua(s, 'add', 'c', '--no-save', *reg)
    for d in (n, s):
        pj = json.loads(read(d, 'package.json'))
        pj['dependencies']['zz'] = '^1.0.0'
        write(d, 'package.json', json.dumps(pj, indent=2) + '\n')

    def compare(*arg_lists):
        for args in arg_lists:
            a = run(['npm', *args, '--registry', url, '--cache', os.path.join(TMP, 'npmcache')], n, None, None)
            b = skua(s, *args, *reg, expect=None)
            out_a = a.stdout.replace(n, 'DIR').replace('npm-p', 'DIR')
            out_b = b.stdout.replace(s, 'DIR').replace('sk-pp', 'DIR')
            assert (a.returncode, out_a) == (b.returncode, out_b), (args, a.returncode, out_a, b.returncode, out_b)

    compare(('ls',), ('ls', '--all', '--json'), ('explain', 'c'), ('outdated',), ('outdated', '--json'),
            ('outdated', '--all'), ('outdated', '--long'), ('outdated', '--parseable', '--long'),
            ('outdated', '--all', '--json', '--long'), ('outdated', 'b'), ('outdated', 'b', '--json'))
    # A folder put in by hand below a package: extraneous there, as npm reads node_modules.
    # (Then no `ls --json`: with a folder newer than node_modules/.package-lock.json npm
    # stops reading that file and prints no `resolved` for the extraneous c; skua does.)
    for d in (n, s):
        os.makedirs(os.path.join(d, 'node_modules/a/node_modules/extra'))
        with open(os.path.join(d, 'node_modules/a/node_modules/extra/package.json'), 'w') as f:
            f.write('{"name": "extra", "version": "9.9.9"}\n')
    compare(('ls', 'extra'), ('ls', '--all'), ('ls',))
    check('same package.json bytes and ls/explain/outdated output as npm')

    # Extraneous packages alone are listed but do not fail ls.
    for d in (n, s):
        pj = json.loads(read(d, 'package.json'))
        del pj['dependencies']['zz']
        write(d, 'package.json', json.dumps(pj, indent=2) + '\n')
    compare(('ls',), ('ls', '--all'))
    assert skua(s, 'ls', *reg).returncode == 0
    check('extraneous packages, nested too, are listed without failing ls, as npm does')

    # update --save: the ranges move to what the update installed (b's exact pin stays).
    n, s = new_project('npm-u'), new_project('skua-u')
    npm(n, url, 'install', 'a@1.0.0', 'b@1.0.0', '--save-exact')
    npm(n, url, 'install', '-D', 'c@1.0.0')
    skua(s, 'add', 'a@1.0.0', 'b@1.0.0', '--save-exact', *reg)
    skua(s, 'add', '-D', 'c@1.0.0', *reg)
    for d in (n, s):
        pj = json.loads(read(d, 'package.json'))
        pj['dependencies']['a'] = '^1.0.0'
        write(d, 'package.json', json.dumps(pj, indent=2) + '\n')
    npm(n, url, 'install')
    skua(s, 'install', *reg)
    npm(n, url, 'update')
    skua(s, 'update', *reg)
    assert read(n, 'package.json') == read(s, 'package.json'), (read(n, 'package.json'), read(s, 'package.json'))
    npm(n, url, 'update', '--save')
    skua(s, 'update', '--save', *reg)
    for name in ('package.json', 'package-lock.json'):
        assert read(n, name) == read(s, name), (name, read(n, name), read(s, name))
    assert json.loads(read(s, 'package.json'))['devDependencies'] == {'c': '^1.2.0'}
    skua(s, 'ci', *reg)
    check('update --save writes the ranges and lockfile npm writes')


if __name__ == '__main__':
    main()
