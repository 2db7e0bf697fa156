#!/usr/bin/env python3
"""`skua pack` end to end: the file list npm 11 would pack, the tarball's shape, errors.

Usage: pack_test.py SKUA
Each check prints "ok <name>" or raises. When npm is on PATH, `npm pack --dry-run --json`
runs on the same folders and the file lists (path, size, mode) must be equal.
"""
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

SKUA = os.path.abspath(sys.argv[1])
TMP = tempfile.mkdtemp(prefix='skua-pack-', dir=os.environ.get('TEST_TMPDIR'))


def env():
    e = {k: v for k, v in os.environ.items() if not k.lower().startswith('npm_config_')}
    e['HOME'] = os.path.join(TMP, 'home')
    os.makedirs(e['HOME'], exist_ok=True)
    return e


def skua(cwd, *args, expect=0):
    r = subprocess.run([SKUA, *args], cwd=cwd, env=env(), text=True, capture_output=True, timeout=60)
    if r.returncode != expect:
        raise AssertionError('skua %s: exit %d\n%s\n%s' % (' '.join(args), r.returncode, r.stdout, r.stderr))
    return r


def folder(name, package, files, modes={}):
    d = os.path.join(TMP, name)
    for rel, text in dict(files, **{'package.json': json.dumps(package)}).items():
        os.makedirs(os.path.dirname(os.path.join(d, rel)), exist_ok=True)
        with open(os.path.join(d, rel), 'w') as f:
            f.write(text)
    for rel, mode in modes.items():
        os.chmod(os.path.join(d, rel), mode)
    return d


def listing(doc):
    return [(f['path'], f['size'], f['mode']) for f in doc[0]['files']]


def compare_with_npm(d, ours):
    if not shutil.which('npm'):
        print('skip npm comparison: npm not on PATH')
        return
    r = subprocess.run(['npm', 'pack', '--dry-run', '--json', '--userconfig', os.path.join(TMP, 'empty-npmrc')],
                       cwd=d, env=env(), text=True, capture_output=True, timeout=120, check=True)
    theirs = json.loads(r.stdout)
    assert listing(theirs) == listing(ours), (listing(theirs), listing(ours))
    for key in ('id', 'name', 'version', 'unpackedSize', 'filename', 'entryCount', 'bundled'):
        assert theirs[0][key] == ours[0][key], key
    check('file list equals npm pack --dry-run --json (%s)' % os.path.basename(d))


def check(name):
    print('ok', name, flush=True)


def main():
    open(os.path.join(TMP, 'empty-npmrc'), 'w').close()
    files = {'README.md': 'r\n', 'LICENSE': 'l\n', 'main.js': 'm\n', 'bin/pk.js': '#!/usr/bin/env node\n',
             '.npmignore': 'test/\n*.log\nlib/sub/skip.js\n', '.gitignore': 'docs/\n', 'lib/a.js': 'a\n',
             'lib/sub/skip.js': 's\n', 'lib/sub/keep.js': 'k\n', 'lib/.npmignore': '*.tmp\n', 'lib/x.tmp': 't\n',
             'docs/d.md': 'd\n', 'test/t.js': 't\n', 'debug.log': 'x\n', 'foo.orig': 'o\n', '.git/HEAD': 'g\n',
             'package-lock.json': '{}\n', 'node_modules/x/index.js': 'n\n', 'build/config.gypi': 'b\n',
             'build/out.js': 'b2\n', '.DS_Store': 'ds\n', '.npmrc': 'x=y\n', '.env': 'e\n', 'Zed.js': 'z\n', '_under.js': 'u\n'}
    d = folder('scoped', {'name': '@sc/pk', 'version': '1.2.3', 'main': 'main.js', 'bin': {'pk': 'bin/pk.js'}},
               files, {'lib/a.js': 0o775, 'main.js': 0o600})
    r = skua(d, 'pack', '--dry-run', '--json')
    ours = json.loads(r.stdout)
    paths = [f[0] for f in listing(ours)]
    # npm's listing order: names starting with no lower-case letter first.
    assert paths == ['_under.js', '.env', 'LICENSE', 'README.md', 'Zed.js', 'bin/pk.js', 'build/out.js',
                     'docs/d.md', 'lib/a.js', 'lib/sub/keep.js', 'main.js', 'package.json'], paths
    assert 'test/t.js' not in paths and 'lib/sub/skip.js' not in paths and 'lib/x.tmp' not in paths
    assert 'docs/d.md' in paths  # .npmignore present: .gitignore is not read.
    assert not any(p.startswith(('node_modules/', '.git/')) or p in ('package-lock.json', '.npmrc', 'foo.orig')
                   for p in paths), paths
    assert ours[0]['filename'] == 'sc-pk-1.2.3.tgz'
    assert not os.path.exists(os.path.join(d, 'sc-pk-1.2.3.tgz'))
    check('--dry-run --json: npm-packlist rules, nothing written')
    compare_with_npm(d, ours)

    r = skua(d, 'pack')
    assert r.stdout == 'sc-pk-1.2.3.tgz\n', r.stdout
    lines = r.stderr.splitlines()
    assert 'skua notice Tarball Contents' in lines and 'skua notice 2B lib/a.js' in lines, r.stderr
    assert 'skua notice filename: sc-pk-1.2.3.tgz' in lines and 'skua notice total files: %d' % len(paths) in lines
    tgz = os.path.join(d, 'sc-pk-1.2.3.tgz')
    first = open(tgz, 'rb').read()
    with tarfile.open(tgz) as t:
        members = t.getmembers()
        assert sorted(m.name for m in members) == sorted('package/' + p for p in paths)
        assert all(m.isfile() and m.mtime == 499162500 and m.uid == 0 for m in members)
        modes = {m.name: m.mode for m in members}
        assert modes['package/lib/a.js'] == 0o755 and modes['package/main.js'] == 0o600, modes
        assert t.extractfile('package/lib/a.js').read() == b'a\n'
    os.remove(tgz)
    skua(d, 'pack')
    assert open(tgz, 'rb').read() == first
    check('tarball: package/ prefix, fixed mtime, portable modes, byte-stable')

    d2 = folder('files', {'name': 'p', 'version': '1.0.0', 'files': ['lib', './dist/*', 'other.js'],
                          'bin': {'c': './bin/cli.js'}},
                {'README': 'x\n', 'LICENCE.txt': 'x\n', 'index.js': 'x\n', 'lib/a.js': 'x\n', 'lib/b.js': 'x\n',
                 'lib/deep/c.js': 'x\n', 'src/x.ts': 'x\n', 'bin/cli.js': 'x\n', 'other.js': 'x\n',
                 'dist/one.js': 'x\n', '.npmignore': 'lib/b.js\n', 'lib/.npmignore': 'deep/\n'})
    out = os.path.join(TMP, 'out')
    os.makedirs(out)
    ours = json.loads(skua(d2, 'pack', '--json', '--pack-destination', out).stdout)
    assert [f[0] for f in listing(ours)] == ['LICENCE.txt', 'README', 'bin/cli.js', 'dist/one.js', 'lib/a.js',
                                             'lib/b.js', 'other.js', 'package.json'], listing(ours)
    assert os.path.exists(os.path.join(out, 'p-1.0.0.tgz'))
    check('"files" selects; README/LICENCE/bin always in; --pack-destination')
    compare_with_npm(d2, ours)

    b = folder('bundles', {'name': 'b', 'version': '1.0.0',
                           'dependencies': {'dep': '1', '@s/sd': '1', 'other': '1', 'lk': 'file:linked'},
                           'devDependencies': {'dd': '1'},
                           'bundleDependencies': ['dep', '@s/sd', 'lk', 'dd', 'missing']}, {
        'index.js': 'x\n',
        'node_modules/dep/package.json': json.dumps({'name': 'dep', 'version': '1.0.0', 'files': ['lib'],
                                                     'dependencies': {'inner': '1', 'shared': '1'}}),
        'node_modules/dep/lib/a.js': 'a\n', 'node_modules/dep/test/t.js': 't\n', 'node_modules/dep/README': 'r\n',
        'node_modules/dep/.npmignore': 'lib/\n',
        'node_modules/dep/node_modules/inner/package.json': '{"name":"inner","version":"1.0.0"}',
        'node_modules/dep/node_modules/inner/i.js': 'i\n', 'node_modules/dep/node_modules/inner/.npmignore': '*.js\n',
        'node_modules/shared/package.json': '{"name":"shared","version":"1.0.0"}',
        'node_modules/shared/s.js': 's\n', 'node_modules/shared/x.orig': 'o\n',
        'node_modules/@s/sd/package.json': '{"name":"@s/sd","version":"1.0.0"}', 'node_modules/@s/sd/index.js': 's\n',
        'node_modules/other/package.json': '{"name":"other","version":"1.0.0"}',
        'linked/package.json': '{"name":"lk","version":"1.0.0"}', 'linked/lib/l.js': 'l\n', 'linked/q.orig': 'q\n',
        'linked/.npmignore': 'lib/\n', 'linked/z.js': 'z\n'})
    os.symlink('../linked', os.path.join(b, 'node_modules/lk'))
    r = skua(b, 'pack', '--dry-run')
    assert 'skua notice Bundled Dependencies\nskua notice dep\nskua notice @s/sd\nskua notice shared\nskua notice lk\n' \
        in r.stderr and 'skua notice bundled deps: 4' in r.stderr, r.stderr
    ours = json.loads(skua(b, 'pack', '--dry-run', '--json').stdout)
    paths = [f[0] for f in listing(ours)]
    # A bundled folder reads no ignore file at its top (so dep's .npmignore and `lib/` do
    # not apply and its `files` does); a bundled link does, as the root does.
    assert 'node_modules/dep/lib/a.js' in paths and 'node_modules/dep/test/t.js' not in paths, paths
    assert 'node_modules/dep/node_modules/inner/.npmignore' in paths and 'node_modules/shared/x.orig' in paths
    assert 'node_modules/lk/z.js' in paths and not any(p.startswith('node_modules/lk/lib/') for p in paths)
    assert not any(p.startswith(('node_modules/other/', 'node_modules/dd/')) for p in paths), paths
    assert ours[0]['bundled'] == ['dep', '@s/sd', 'shared', 'lk'], ours[0]['bundled']
    check('bundleDependencies: the packages and what they depend on, with npm-packlist\'s rules')
    compare_with_npm(b, ours)

    scripted = folder('scripted', {'name': 'sc', 'version': '0.1.0', 'scripts': {
        'prepack': 'echo gen > generated.js', 'prepare': 'echo prep > prepared.js',
        'postpack': 'test -f sc-0.1.0.tgz && echo after > postpack.txt'}}, {'index.js': 'i\n'})
    r = skua(scripted, 'pack', '--ignore-scripts', '--dry-run')
    assert not os.path.exists(os.path.join(scripted, 'generated.js')), r.stdout
    r = skua(scripted, 'pack')
    assert '> sc@0.1.0 prepack' in r.stdout and r.stdout.endswith('sc-0.1.0.tgz\n'), r.stdout
    with tarfile.open(os.path.join(scripted, 'sc-0.1.0.tgz')) as t:
        assert {'package/generated.js', 'package/prepared.js'} <= set(t.getnames()), t.getnames()
    assert open(os.path.join(scripted, 'postpack.txt')).read() == 'after\n'
    check('prepack and prepare run before packing, postpack after the file is written')

    # Rule corners, each checked against npm 11's list: a `files` folder written "lib/",
    # a globstar pattern reaching below folders it does not name, symlinks left out,
    # a negated anchored rule, and numeric order ("9.js" before "10.js").
    tree = ['lib/a.js', 'lib/B.JS', 'lib/sub/c.js', 'lib/sub/.d.js', 'src/x.js', 'test/t.js', 'LICENSE.md',
            'licence', 'x.orig', '.eslintrc', 'COPYING', 'Readme.txt', 'a/b/c/d.js', 'a/b/e.txt', '10.js', '9.js']
    corners = [
        ({'files': ['lib/']}, {}, ['COPYING', 'LICENSE.md', 'Readme.txt', 'lib/a.js',
                                   'lib/B.JS', 'lib/sub/.d.js', 'lib/sub/c.js', 'licence', 'package.json']),
        ({'files': ['a/**/*.js', 'lib/sub/']}, {}, ['COPYING', 'LICENSE.md', 'Readme.txt', 'a/b/c/d.js',
                                                   'lib/sub/.d.js', 'lib/sub/c.js', 'licence', 'package.json']),
        ({}, {'.npmignore': '/lib/*\n!/lib/sub\n'},
         ['.eslintrc', '9.js', '10.js', 'COPYING', 'LICENSE.md', 'Readme.txt', 'a/b/c/d.js', 'a/b/e.txt',
          'lib/sub/.d.js', 'lib/sub/c.js', 'licence', 'package.json', 'src/x.js', 'test/t.js']),
    ]
    for i, (fields, extra, want) in enumerate(corners):
        d = folder('corner%d' % i, dict({'name': 'c%d' % i, 'version': '1.0.0'}, **fields),
                   dict({f: 'x\n' for f in tree}, **extra))
        os.symlink('../src', os.path.join(d, 'lib/link'))
        ours = json.loads(skua(d, 'pack', '--dry-run', '--json').stdout)
        assert [f[0] for f in listing(ours)] == want, (fields, extra, listing(ours))
        compare_with_npm(d, ours)
    check('ignore-rule corners give npm\'s lists')

    bad = folder('bad', {}, {})
    with open(os.path.join(bad, 'package.json'), 'w') as f:
        f.write('{"name": "x",\n  "version": }\n')
    r = skua(bad, 'pack', expect=1)
    assert 'EJSONPARSE' in r.stderr and 'package.json' in r.stderr, r.stderr
    nameless = folder('nameless', {'version': '1.0.0'}, {})
    r = skua(nameless, 'pack', expect=1)
    assert 'must have name and version' in r.stderr, r.stderr
    assert os.listdir(nameless) == ['package.json']
    check('invalid package.json and missing name: errors, nothing written')


if __name__ == '__main__':
    main()
