#!/usr/bin/env python3
"""`skua install` / `skua ci` end to end against tools/testing/test_registry.py.

Usage: install_test.py SKUA TEST_REGISTRY_PY
Each check prints "ok <name>" or raises. npm 11, when on PATH, installs the same fixture
for a differential comparison of the (path, name, version) sets.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

import pm_test_support as support

SKUA = os.path.abspath(sys.argv[1])
REGISTRY_PY = os.path.abspath(sys.argv[2])
TMP = tempfile.mkdtemp(prefix='skua-install-', dir=os.environ.get('TEST_TMPDIR'))

FIXTURE = {'packages': {
    'a': {'versions': {
        '1.0.0': {'manifest': {'dependencies': {'b': '^1.0.0'}, 'bin': {'acli': 'cli.js'}},
                  'files': {'cli.js': {'content': '#!/bin/sh\necho a-cli\n', 'mode': 420}}},
        '1.1.0': {'manifest': {'dependencies': {'b': '^2.0.0'}}}}},
    'b': {'versions': {'1.0.0': {}, '2.0.0': {'files': {'index.js': 'module.exports = 2;\n'}}}},
    'c': {'versions': {'1.0.0': {'manifest': {'dependencies': {'b': '^1.0.0', '@s/e': '~1.2.0'}}}}},
    '@s/d': {'versions': {'1.0.0': {'manifest': {'scripts': {'postinstall': 'echo ran > ran.txt'}}}}},
    '@s/e': {'versions': {'1.2.0': {}, '1.2.5': {}, '1.3.0': {}}},
    'evil': {'versions': {'1.0.0': {'hostile': 'bad-integrity'}}},
}}


def start_registry(fixture):
    path = os.path.join(TMP, 'fixture-%d.json' % len(os.listdir(TMP)))
    return support.start_registry(REGISTRY_PY, path, fixture)


def clean_env(**extra):
    return support.clean_env(TMP, **extra)


def skua(project, *args, env=None, expect=0):
    return support.run_skua(SKUA, project, args, env or clean_env(), expect)


def project(name, package):
    d = os.path.join(TMP, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, 'package.json'), 'w') as f:
        json.dump(package, f, indent=2)
    return d


def layout(d):
    """{(path, name, version)} of every package below d/node_modules."""
    out = set()
    for root, dirs, files in os.walk(os.path.join(d, 'node_modules')):
        dirs[:] = [x for x in dirs if not x.startswith('.')]
        if 'package.json' in files and os.path.basename(os.path.dirname(root)) != '':
            rel = os.path.relpath(root, d)
            if os.path.basename(os.path.dirname(rel)) in ('node_modules',) or \
               os.path.basename(os.path.dirname(os.path.dirname(rel))) == 'node_modules':
                with open(os.path.join(root, 'package.json')) as f:
                    pj = json.load(f)
                out.add((rel, pj['name'], pj['version']))
    return out


def requests(url):
    with urllib.request.urlopen(url + '-/skua/requests') as r:
        return json.load(r)


check = support.check


def main():
    proc, url = start_registry(FIXTURE)
    try:
        run(url)
        script_policies(url)
    finally:
        proc.kill()
    keeps_locked_versions()
    stale_lockfile_without_node_modules()
    platform_overrides()
    optional_sets_and_extraneous()
    overrides_in_sync()
    exact_version_request()
    before_date()
    interrupted_install()
    bundled_dependencies()


def interrupted_install():
    """SIGINT while a dependency's install script runs: the previous lockfile stays, every
    package folder in node_modules is whole, and the next install finishes the job."""
    fixture = json.loads(json.dumps(FIXTURE))
    fixture['packages']['slow'] = {'versions': {'1.0.0': {'manifest': {'scripts': {
        'postinstall': 'if [ -f started ]; then exit 0; fi; touch started; sleep 60'}}}}}
    proc, url = start_registry(fixture)
    reg = ('--registry', url)
    try:
        p = project('interrupted', {'name': 'i', 'version': '1.0.0', 'dependencies': {'b': '^2.0.0'}})
        skua(p, 'install', *reg)
        lock_path = os.path.join(p, 'package-lock.json')
        lock_before = open(lock_path, 'rb').read()
        grown = {'name': 'i', 'version': '1.0.0',
                 'dependencies': {'a': '1.0.0', 'b': '^2.0.0', 'slow': '1.0.0'}}
        with open(os.path.join(p, 'package.json'), 'w') as f:
            json.dump(grown, f, indent=2)
        child = subprocess.Popen([SKUA, 'install', '--trust=slow', *reg], cwd=p, env=clean_env(),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 start_new_session=True)
        marker = os.path.join(p, 'node_modules/slow/started')
        deadline = time.monotonic() + 60
        while not os.path.exists(marker):
            assert child.poll() is None and time.monotonic() < deadline, 'the script never started'
            time.sleep(0.05)
        os.killpg(child.pid, signal.SIGINT)
        assert child.wait(timeout=30) != 0
        assert open(lock_path, 'rb').read() == lock_before
        modules = os.path.join(p, 'node_modules')
        for d, dirs, _ in os.walk(modules):
            for name in dirs:
                folder = os.path.join(d, name)
                if os.path.basename(d) == 'node_modules' and not name.startswith(('.', '@')):
                    assert os.path.isfile(os.path.join(folder, 'package.json')), folder
        check('an interrupted install leaves the old lockfile and whole package folders')

        skua(p, 'install', '--trust=slow', *reg)
        assert layout(p) == {('node_modules/a', 'a', '1.0.0'), ('node_modules/b', 'b', '2.0.0'),
                             ('node_modules/a/node_modules/b', 'b', '1.0.0'),
                             ('node_modules/slow', 'slow', '1.0.0')}, layout(p)
        assert 'node_modules/slow' in json.load(open(lock_path))['packages']
        assert not [n for n in os.listdir(modules) if n.startswith('.skua-staging-')]
        check('the next install completes it')
    finally:
        proc.kill()


def bundled_dependencies():
    """A package's bundleDependencies ship in its tarball: the lockfile lists them as npm
    does (inBundle, dep flags carried through the bundle), and the bundler's edges to them
    do not count for the tree's own packages (`inner` at the root is only optional)."""
    inner = '{"name":"inner","version":"1.0.0","optionalDependencies":{"deep":"1.0.0"}}'
    deep = '{"name":"deep","version":"1.0.0","license":"MIT"}'
    fixture = {'packages': {
        'bund': {'versions': {'1.0.0': {
            'manifest': {'dependencies': {'inner': '1.0.0'}, 'bundleDependencies': ['inner']},
            'files': {'node_modules/inner/package.json': inner, 'node_modules/deep/package.json': deep,
                      'node_modules/inner/lib/package.json': '{"type":"module"}'}}}},
        'opt': {'versions': {'1.0.0': {'manifest': {'dependencies': {'inner': '^2.0.0'}}}}},
        'inner': {'versions': {'2.0.0': {}}},
    }}
    p = project('bundled', {'name': 'bundled', 'version': '1.0.0', 'devDependencies': {'bund': '1.0.0'},
                            'optionalDependencies': {'opt': '1.0.0'}})
    proc, url = start_registry(fixture)
    try:
        skua(p, 'install', '--registry', url)
        with open(os.path.join(p, 'package-lock.json')) as f:
            packages = json.load(f)['packages']
        assert packages['node_modules/bund/node_modules/inner'] == {
            'version': '1.0.0', 'inBundle': True, 'dev': True,
            'optionalDependencies': {'deep': '1.0.0'}}, packages
        assert packages['node_modules/bund/node_modules/deep'] == {
            'version': '1.0.0', 'inBundle': True, 'dev': True, 'optional': True,
            'license': 'MIT'}, packages
        assert 'node_modules/bund/node_modules/inner/lib' not in packages, packages
        assert packages['node_modules/inner'].get('optional') and \
            'dev' not in packages['node_modules/inner'], packages['node_modules/inner']
        shutil.rmtree(os.path.join(p, 'node_modules'))
        skua(p, 'ci', '--registry', url)
        with open(os.path.join(p, 'node_modules/bund/node_modules/deep/package.json')) as f:
            assert json.load(f)['name'] == 'deep'
        check('bundled dependencies are listed in the lockfile as npm lists them')

        # A change starts from the lockfile, bundles included: each entry once, the
        # bundle still listed from the tarball.
        before = dict(packages)
        pj = json.load(open(os.path.join(p, 'package.json')))
        del pj['optionalDependencies']
        project('bundled', pj)
        skua(p, 'install', '--registry', url)
        def no_duplicates(pairs):
            keys = [k for k, _ in pairs]
            assert len(keys) == len(set(keys)), keys
            return dict(pairs)
        with open(os.path.join(p, 'package-lock.json')) as f:
            packages = json.load(f, object_pairs_hook=no_duplicates)['packages']
        assert 'node_modules/opt' not in packages and 'node_modules/inner' not in packages, packages
        for location in ('node_modules/bund/node_modules/inner', 'node_modules/bund/node_modules/deep'):
            assert packages[location] == before[location], packages
        check('a change from the lockfile keeps bundled entries, each once')

        # --package-lock-only opens the bundling tarball too (with an empty store).
        q = project('bundled-lock-only', json.load(open(os.path.join(p, 'package.json'))))
        env = clean_env(SKUA_CACHE_DIR=os.path.join(TMP, 'cache-lock-only'))
        skua(q, 'install', '--package-lock-only', '--registry', url, env=env)
        assert open(os.path.join(q, 'package-lock.json'), 'rb').read() == \
            open(os.path.join(p, 'package-lock.json'), 'rb').read()
        assert not os.path.exists(os.path.join(q, 'node_modules'))
        check('install --package-lock-only lists bundled dependencies')
    finally:
        proc.kill()


def script_policies(url):
    """npm's allowScripts (and the other clients' lists) decide whose install scripts run."""
    reg = ('--registry', url)

    def proj(name, **extra):
        return project(name, dict({'name': name, 'version': '1.0.0',
                                   'dependencies': {'@s/d': '1.0.0', 'a': '1.0.0'}}, **extra))

    def ran(d):
        return os.path.exists(os.path.join(d, 'node_modules/@s/d/ran.txt'))

    p = proj('allow-npm', allowScripts={'@s/d': True})
    r = skua(p, 'install', *reg)
    assert ran(p) and 'did not run' not in r.stdout, r.stdout
    check('allowScripts lets a dependency script run')

    p = proj('allow-version', allowScripts={'@s/d@1.0.1': True, 'a@^1.0.0': True})
    r = skua(p, 'install', *reg)
    assert not ran(p) and 'skua install --trust=@s/d' in r.stdout, r.stdout
    assert '"a@^1.0.0"' in r.stderr + r.stdout, (r.stdout, r.stderr)
    check('an allowScripts version pin covers that version only; ranges are refused')

    p = proj('deny', allowScripts={'@s/d': False})
    r = skua(p, 'install', '--trust=@s/d', *reg)
    assert not ran(p) and 'did not run' not in r.stdout, r.stdout
    check('an allowScripts deny wins over --trust and is not listed')

    p = proj('pnpm-list', pnpm={'onlyBuiltDependencies': ['@s/d']})
    skua(p, 'install', *reg)
    assert ran(p)
    check('pnpm onlyBuiltDependencies lets a dependency script run')

    # pnpm 10 writes its lists to pnpm-workspace.yaml.
    p = proj('pnpm-yaml')
    with open(os.path.join(p, 'pnpm-workspace.yaml'), 'w') as f:
        f.write("onlyBuiltDependencies:\n  - '@s/d'  # approved\n")
    skua(p, 'install', *reg)
    assert ran(p)
    p = proj('pnpm-yaml-deny', allowScripts={'@s/d': True})
    with open(os.path.join(p, 'pnpm-workspace.yaml'), 'w') as f:
        f.write('allowBuilds:\n  "@s/d": false\n')
    skua(p, 'install', *reg)
    assert not ran(p)
    check('pnpm-workspace.yaml onlyBuiltDependencies and allowBuilds count as package.json\'s pnpm lists')

    p = proj('strict')
    r = skua(p, 'install', '--strict-allow-scripts', *reg, expect=1)
    assert 'ESTRICTALLOWSCRIPTS' in r.stderr and '@s/d@1.0.0' in r.stderr, r.stderr
    assert not os.path.exists(os.path.join(p, 'node_modules'))
    skua(p, 'install', '--strict-allow-scripts', '--trust=@s/d', *reg)
    assert ran(p)
    r = skua(p, 'ci', '--strict-allow-scripts', *reg, expect=1)
    assert 'ESTRICTALLOWSCRIPTS' in r.stderr and ran(p), r.stderr  # node_modules kept.
    check('--strict-allow-scripts fails before linking or removing anything')

    r = skua(p, 'install', '--allow-scripts=@s/d', *reg, expect=1)
    assert 'EALLOWSCRIPTS' in r.stderr, r.stderr
    check('--allow-scripts is refused in a project, as npm refuses it')


def platform_overrides():
    """npm's --os/--cpu decide which optional dependencies are installed."""
    fixture = {'packages': {
        'winonly': {'versions': {'1.0.0': {'manifest': {'os': ['win32'], 'cpu': ['arm64']}}}},
        'linonly': {'versions': {'1.0.0': {'manifest': {'os': ['linux']}}}}}}
    proc, url = start_registry(fixture)
    try:
        p = project('platforms', {'name': 'platforms', 'version': '1.0.0',
                                  'optionalDependencies': {'winonly': '1', 'linonly': '1'}})
        skua(p, 'install', '--registry', url)
        assert {x[1] for x in layout(p)} == {'linonly'}, layout(p)
        shutil.rmtree(os.path.join(p, 'node_modules'))
        skua(p, 'install', '--os=win32', '--cpu=arm64', '--registry', url)
        assert {x[1] for x in layout(p)} == {'winonly'}, layout(p)
        check('--os/--cpu choose the optional dependencies installed')
    finally:
        proc.kill()


def hidden_entries(p):
    with open(os.path.join(p, 'node_modules/.package-lock.json')) as f:
        return set(json.load(f)['packages'])


def optional_sets_and_extraneous():
    """An optional package for another cpu is left out with what only it needs
    (arborist's optionalSet), in node_modules and its hidden lockfile; a lockfile entry
    marked extraneous is dropped, as npm drops both."""
    fixture = {'packages': {
        'sharpish': {'versions': {'1.0.0': {'manifest': {
            'optionalDependencies': {'wasmbuild': '1', 'linbuild': '1'}}}}},
        'wasmbuild': {'versions': {'1.0.0': {'manifest': {'cpu': ['wasm32'], 'dependencies': {'emnapi': '1'}}}}},
        'emnapi': {'versions': {'1.0.0': {'manifest': {'dependencies': {'tsl': '1'}}}}},
        'tsl': {'versions': {'1.0.0': {}}},
        'linbuild': {'versions': {'1.0.0': {'manifest': {'os': ['linux']}}}},
        'extra': {'versions': {'1.0.0': {}}}}}
    proc, url = start_registry(fixture)
    reg = ('--registry', url)
    package = {'name': 'optset', 'version': '1.0.0', 'dependencies': {'sharpish': '1'}}
    installed = {('node_modules/sharpish', 'sharpish', '1.0.0'), ('node_modules/linbuild', 'linbuild', '1.0.0')}
    try:
        p = project('optset', package)
        skua(p, 'install', *reg)
        with open(os.path.join(p, 'package-lock.json')) as f:
            locked = set(json.load(f)['packages'])
        assert layout(p) == installed, layout(p)
        assert {'node_modules/wasmbuild', 'node_modules/emnapi', 'node_modules/tsl'} <= locked
        assert hidden_entries(p) == {'node_modules/sharpish', 'node_modules/linbuild'}, hidden_entries(p)
        check('an optional package that cannot be installed here leaves out what only it needs')

        # An entry npm's `install --package-lock-only` marked extraneous (nothing needs it).
        lock_path = os.path.join(p, 'package-lock.json')
        with open(lock_path) as f:
            lock = json.load(f)
        tidy = json.dumps(lock, indent=2) + '\n'
        lock['packages']['node_modules/extra'] = {'version': '1.0.0', 'resolved': url + '/extra/-/extra-1.0.0.tgz',
                                                  'extraneous': True}
        lock['packages'] = dict(sorted(lock['packages'].items()))
        with_extra = json.dumps(lock, indent=2) + '\n'
        with open(lock_path, 'w') as f:
            f.write(with_extra)
        shutil.rmtree(os.path.join(p, 'node_modules'))
        skua(p, 'ci', *reg)
        assert layout(p) == installed, layout(p)
        assert open(lock_path).read() == with_extra  # ci never writes the lockfile.
        shutil.rmtree(os.path.join(p, 'node_modules'))
        skua(p, 'install', *reg)
        assert layout(p) == installed, layout(p)
        assert open(lock_path).read() == tidy
        check('an extraneous lockfile entry is neither installed nor kept')

        if shutil.which('npm'):
            n = project('optset-npm', package)
            with open(os.path.join(n, 'package-lock.json'), 'w') as f:
                f.write(with_extra)
            subprocess.run(['npm', 'ci', '--registry', url, '--cache', os.path.join(TMP, 'npmcache-optset'),
                            '--ignore-scripts', '--no-audit', '--no-fund'], cwd=n, env=clean_env(),
                           check=True, capture_output=True, timeout=300)
            assert layout(n) == installed, layout(n)
            assert hidden_entries(n) == hidden_entries(p), (hidden_entries(n), hidden_entries(p))
            check('optional sets and extraneous entries: npm ci installs the same')
            for args in (['--all'], ['--all', '--json']):
                theirs = subprocess.run(['npm', 'ls', *args], cwd=n, env=clean_env(), capture_output=True,
                                        text=True, timeout=120).stdout.replace(n, '<project>')
                ours = skua(p, 'ls', *args).stdout.replace(p, '<project>')
                assert 'UNMET OPTIONAL DEPENDENCY wasmbuild@1' in theirs or '--json' in args, theirs
                assert ours == theirs, (ours, theirs)
            check('ls lists the optional packages left out as npm does')

        # --omit=dev: the dev packages are not installed, nor listed in the hidden lockfile,
        # so ls reports them missing, as npm's does.
        package = {'name': 'omitdev', 'version': '1.0.0', 'dependencies': {'tsl': '1'},
                   'devDependencies': {'linbuild': '1'}}
        d = project('omit-dev', package)
        skua(d, 'install', '--omit=dev', *reg)
        assert layout(d) == {('node_modules/tsl', 'tsl', '1.0.0')}, layout(d)
        assert hidden_entries(d) == {'node_modules/tsl'}, hidden_entries(d)
        r = skua(d, 'ls', expect=1)
        assert 'UNMET DEPENDENCY linbuild@1' in r.stdout, r.stdout
        if shutil.which('npm'):
            n = project('omit-dev-npm', package)
            subprocess.run(['npm', 'install', '--omit=dev', '--registry', url, '--cache',
                            os.path.join(TMP, 'npmcache-optset'), '--no-audit', '--no-fund'], cwd=n,
                           env=clean_env(), check=True, capture_output=True, timeout=300)
            assert hidden_entries(n) == hidden_entries(d), hidden_entries(n)
            theirs = subprocess.run(['npm', 'ls'], cwd=n, env=clean_env(), capture_output=True, text=True,
                                    timeout=120).stdout.replace(n, '<project>')
            assert r.stdout.replace(d, '<project>') == theirs, theirs
        check('--omit=dev: node_modules, its hidden lockfile and ls leave the dev packages out, as npm')
    finally:
        proc.kill()


def overrides_in_sync():
    """An override that puts a version outside a dependent's declared range: the lockfile
    is in sync (install keeps it, ci accepts it) and ls reports nothing invalid."""
    fixture = {'packages': {
        'dep': {'versions': {'1.0.0': {'manifest': {'dependencies': {'leaf': '^1.0.0'}}}}},
        'leaf': {'versions': {'1.0.0': {}, '2.0.0': {}}}}}
    proc, url = start_registry(fixture)
    reg = ('--registry', url)
    package = {'name': 'over', 'version': '1.0.0', 'dependencies': {'dep': '1'}, 'overrides': {'leaf': '2.0.0'}}
    try:
        p = project('overrides-in-sync', package)
        skua(p, 'install', *reg)
        assert layout(p) == {('node_modules/dep', 'dep', '1.0.0'), ('node_modules/leaf', 'leaf', '2.0.0')}, layout(p)
        shutil.rmtree(os.path.join(p, 'node_modules'))  # Past the no-op stamp.
        r = skua(p, 'install', '--verbose', *reg)
        assert 'package-lock.json is in sync with package.json' in r.stderr + r.stdout, r.stderr
        shutil.rmtree(os.path.join(p, 'node_modules'))
        skua(p, 'ci', *reg)
        r = skua(p, 'ls', '--all')
        assert 'invalid' not in r.stdout, r.stdout
        check('an override outside a declared range keeps the lockfile in sync')
        if shutil.which('npm'):
            n = project('overrides-in-sync-npm', package)
            shutil.copy(os.path.join(p, 'package-lock.json'), n)
            subprocess.run(['npm', 'ci', '--registry', url, '--cache', os.path.join(TMP, 'npmcache-over'),
                            '--ignore-scripts', '--no-audit', '--no-fund'], cwd=n, env=clean_env(),
                           check=True, capture_output=True, timeout=300)
            for args in (['--all'], ['--all', '--json']):
                theirs = subprocess.run(['npm', 'ls', *args], cwd=n, env=clean_env(), capture_output=True,
                                        text=True, timeout=120).stdout.replace(n, '<project>')
                assert skua(p, 'ls', *args).stdout.replace(p, '<project>') == theirs, theirs
            theirs = subprocess.run(['npm', 'explain', 'leaf'], cwd=n, env=clean_env(), capture_output=True,
                                    text=True, timeout=120).stdout
            assert 'overridden leaf@"2.0.0" (was "^1.0.0")' in theirs, theirs
            assert skua(p, 'why', 'leaf').stdout == theirs, theirs
            check('ls and why of an overridden tree print what npm ls and npm explain print')
    finally:
        proc.kill()


def exact_version_request():
    """`add pkg@1.0.0`: the tree is built with the version asked for (npm saves the range
    only afterwards), so a dependent's exact pin of a later version nests instead of
    replacing it at the root."""
    fixture = {'packages': {
        'pinner': {'versions': {'1.0.0': {'manifest': {'dependencies': {'leafx': '1.2.0'}}}}},
        'leafx': {'versions': {'1.0.0': {}, '1.2.0': {}}}}}
    proc, url = start_registry(fixture)
    package = {'name': 'exact', 'version': '1.0.0', 'dependencies': {'pinner': '1.0.0'}}
    try:
        p = project('exact-request', package)
        skua(p, 'add', 'leafx@1.0.0', '--registry', url)
        assert layout(p) == {('node_modules/pinner', 'pinner', '1.0.0'), ('node_modules/leafx', 'leafx', '1.0.0'),
                             ('node_modules/pinner/node_modules/leafx', 'leafx', '1.2.0')}, layout(p)
        with open(os.path.join(p, 'package-lock.json')) as f:
            root = json.load(f)['packages']['']
        assert root['dependencies'] == {'leafx': '^1.0.0', 'pinner': '1.0.0'}, root
        check('add pkg@version places that version, saved as a range')
        if shutil.which('npm'):
            n = project('exact-request-npm', package)
            subprocess.run(['npm', 'install', 'leafx@1.0.0', '--package-lock-only', '--registry', url, '--cache',
                            os.path.join(TMP, 'npmcache-exact'), '--no-audit', '--no-fund'], cwd=n,
                           env=clean_env(), check=True, capture_output=True, timeout=300)
            for name in ('package.json', 'package-lock.json'):
                with open(os.path.join(n, name)) as a, open(os.path.join(p, name)) as b:
                    assert a.read() == b.read(), name
            check('add pkg@version: package.json and package-lock.json equal npm 11\'s')
    finally:
        proc.kill()


def before_date():
    """npm's --before: versions published after the date are left out (full packuments)."""
    fixture = {'packages': {
        'timed': {'versions': {'1.0.0': {'time': '2020-01-01T00:00:00.000Z'},
                               '1.1.0': {'time': '2021-01-01T00:00:00.000Z'},
                               '2.0.0': {'time': '2022-01-01T00:00:00.000Z'}}},
        'tagged': {'versions': {'1.0.0': {'time': '2020-01-01T00:00:00.000Z'},
                                '3.0.0': {'time': '2022-06-01T00:00:00.000Z'}}}}}
    proc, url = start_registry(fixture)
    try:
        package = {'name': 'before', 'version': '1.0.0', 'dependencies': {'timed': '*', 'tagged': 'latest'}}
        p = project('before', package)
        skua(p, 'install', '--before=2021-06-01', '--registry', url)
        assert layout(p) == {('node_modules/timed', 'timed', '1.1.0'),
                             ('node_modules/tagged', 'tagged', '1.0.0')}, layout(p)
        o = project('before-offline', package)  # The full documents are cached with their times.
        skua(o, 'install', '--before=2021-06-01', '--offline', '--registry', url)
        assert layout(o) == layout(p), layout(o)
        q = project('after', package)
        skua(q, 'install', '--registry', url)
        assert ('node_modules/timed', 'timed', '2.0.0') in layout(q), layout(q)
        # npm drops a date it cannot read, with a warning, and installs as without it.
        bad = project('before-bad', package)
        r = skua(bad, 'install', '--before=last tuesday', '--registry', url)
        assert 'invalid config before="last tuesday" set in command line options' in r.stderr, r.stderr
        assert layout(bad) == layout(q), layout(bad)
        check('--before picks what was published by that date')
        if shutil.which('npm'):
            n = project('before-npm', package)
            subprocess.run(['npm', 'install', '--package-lock-only', '--before=2021-06-01', '--registry', url,
                            '--cache', os.path.join(TMP, 'npmcache-before'), '--userconfig',
                            os.path.join(TMP, 'empty-npmrc'), '--no-audit', '--no-fund'],
                           cwd=n, env=clean_env(), check=True, capture_output=True, timeout=300)
            ours = open(os.path.join(p, 'package-lock.json')).read()
            theirs = open(os.path.join(n, 'package-lock.json')).read()
            assert theirs == ours, (theirs, ours)
            check('--before: package-lock.json equals npm 11\'s')
    finally:
        proc.kill()


def stale_lockfile_without_node_modules():
    """With no node_modules, install starts linking what the lockfile names before it has
    parsed it (lockfile/linkable.h); the tree it then resolves decides what stays."""
    p = project('stale', {'name': 'stale', 'version': '1.0.0',
                          'dependencies': {'a': '1.0.0', 'c': '1.0.0'}})
    proc, url = start_registry(FIXTURE)
    reg = ('--registry', url)
    try:
        skua(p, 'install', *reg)
        locked = layout(p)
        assert ('node_modules/c', 'c', '1.0.0') in locked, locked
        lock_bytes = open(os.path.join(p, 'package-lock.json'), 'rb').read()

        shutil.rmtree(os.path.join(p, 'node_modules'))
        r = skua(p, 'install', '--verbose', *reg)
        assert layout(p) == locked, layout(p)
        assert 'packages linked early: %d' % len(locked) in r.stderr + r.stdout, r.stderr
        check('a lockfile in sync is linked before it is parsed')

        # The lockfile still names a@1.0.0, b@1.0.0, c and @s/e: all in the store, all
        # linked at once; the resolution wants a@1.1.0 and b@2.0.0 only, nested under a
        # as npm 11 places it (it starts from the lockfile's tree, where c held b@1).
        with open(os.path.join(p, 'package.json'), 'w') as f:
            json.dump({'name': 'stale', 'version': '1.0.0', 'dependencies': {'a': '1.1.0'}}, f, indent=2)
        shutil.rmtree(os.path.join(p, 'node_modules'))
        r = skua(p, 'ci', *reg, expect=1)
        assert 'in sync' in r.stderr, r.stderr
        assert not os.path.exists(os.path.join(p, 'node_modules')), os.listdir(p)
        check('ci refuses a stale lockfile and removes the node_modules its early links made')

        r = skua(p, 'install', '--verbose', *reg)
        # Linked before the resolution: the lockfile's four packages (a's folder is then
        # replaced) and a's nested b, placed by the resolution.
        assert 'packages linked early: 5' in r.stderr + r.stdout, r.stderr
        assert layout(p) == {('node_modules/a', 'a', '1.1.0'),
                             ('node_modules/a/node_modules/b', 'b', '2.0.0')}, layout(p)
        modules = os.path.join(p, 'node_modules')
        assert sorted(n for n in os.listdir(modules) if not n.startswith('.')) == ['a'], os.listdir(modules)
        assert open(os.path.join(p, 'package-lock.json'), 'rb').read() != lock_bytes
        check('install from a stale lockfile keeps only what the resolution placed')
    finally:
        proc.kill()


def keeps_locked_versions():
    """package.json edited by hand after a newer version was published: like npm, install
    resolves only what changed and keeps every locked version its range still accepts."""
    p = project('locked', {'name': 'locked', 'version': '1.0.0', 'dependencies': {'b': '^2.0.0'}})
    nm = project('locked-nm', {'name': 'locked-nm', 'version': '1.0.0', 'dependencies': {'b': '^2.0.0'}})
    proc, url = start_registry(FIXTURE)
    try:
        skua(p, 'install', '--registry', url)
        skua(nm, 'install', '--registry', url)
    finally:
        proc.kill()
    newer = json.loads(json.dumps(FIXTURE))
    newer['packages']['b']['versions']['2.1.0'] = {}
    proc, url = start_registry(newer)
    try:
        with open(os.path.join(p, 'package.json'), 'w') as f:
            json.dump({'name': 'locked', 'version': '1.0.0',
                       'dependencies': {'b': '^2.0.0', '@s/e': '^1.2.0'}}, f, indent=2)
        skua(p, 'install', '--registry', url)
        assert layout(p) == {('node_modules/b', 'b', '2.0.0'),
                             ('node_modules/@s/e', '@s/e', '1.3.0')}, layout(p)
        check('install keeps locked versions when package.json changed')

        # Without a lockfile, npm starts from what node_modules holds.
        os.remove(os.path.join(nm, 'package-lock.json'))
        skua(nm, 'install', '--registry', url)
        assert layout(nm) == {('node_modules/b', 'b', '2.0.0')}, layout(nm)
        with open(os.path.join(nm, 'package-lock.json')) as f:
            assert json.load(f)['packages']['node_modules/b']['version'] == '2.0.0'
        check('without a lockfile, install keeps what node_modules holds')

        # npm-shrinkwrap.json is read instead of package-lock.json and written back.
        sw = project('shrinkwrapped', json.load(open(os.path.join(p, 'package.json'))))
        shutil.copy(os.path.join(p, 'package-lock.json'), os.path.join(sw, 'npm-shrinkwrap.json'))
        skua(sw, 'install', '--registry', url)
        assert ('node_modules/b', 'b', '2.0.0') in layout(sw), layout(sw)
        assert not os.path.exists(os.path.join(sw, 'package-lock.json'))
        shutil.rmtree(os.path.join(sw, 'node_modules'))
        skua(sw, 'ci', '--registry', url)
        assert ('node_modules/b', 'b', '2.0.0') in layout(sw), layout(sw)
        skua(sw, 'update', 'b', '--registry', url)
        with open(os.path.join(sw, 'npm-shrinkwrap.json')) as f:
            assert json.load(f)['packages']['node_modules/b']['version'] == '2.1.0'
        assert not os.path.exists(os.path.join(sw, 'package-lock.json'))
        check('npm-shrinkwrap.json is the lockfile when present')

        skua(p, 'update', 'b', '--registry', url)
        assert ('node_modules/b', 'b', '2.1.0') in layout(p), layout(p)
        check('update moves the named package within its range')
    finally:
        proc.kill()


def run(url):
    reg = ('--registry', url)
    base = {'name': 'p', 'version': '1.0.0',
            'dependencies': {'a': '1.0.0', 'b': '^2.0.0', 'c': '^1.0.0', '@s/d': '*'}}
    p = project('p', base)
    expected = {
        ('node_modules/a', 'a', '1.0.0'), ('node_modules/a/node_modules/b', 'b', '1.0.0'),
        ('node_modules/b', 'b', '2.0.0'), ('node_modules/c', 'c', '1.0.0'),
        ('node_modules/c/node_modules/b', 'b', '1.0.0'), ('node_modules/@s/d', '@s/d', '1.0.0'),
        ('node_modules/@s/e', '@s/e', '1.2.5')}

    r = skua(p, 'install', *reg)
    assert layout(p) == expected, layout(p)
    assert 'added 7 packages in ' in r.stdout, r.stdout
    acli = os.path.join(p, 'node_modules/.bin/acli')
    assert os.path.islink(acli) and os.access(acli, os.X_OK)
    assert subprocess.run([acli], capture_output=True, text=True).stdout == 'a-cli\n'
    with open(os.path.join(p, 'package-lock.json')) as f:
        lock = json.load(f)
    assert lock['lockfileVersion'] == 3 and 'node_modules/c/node_modules/b' in lock['packages']
    assert os.path.exists(os.path.join(p, 'node_modules/.package-lock.json'))
    check('install from scratch')

    assert not os.path.exists(os.path.join(p, 'node_modules/@s/d/ran.txt'))
    assert 'skua install --trust=@s/d' in r.stdout, r.stdout
    check('untrusted dependency script skipped and listed')

    # --package-lock-only: the same lockfile, no node_modules (so no script), no tarball.
    q = project('lock-only', base)
    before = len(requests(url))
    r = skua(q, 'install', '--package-lock-only', '--trust', *reg)
    assert 'up to date in ' in r.stdout, r.stdout
    assert open(os.path.join(q, 'package-lock.json'), 'rb').read() == \
        open(os.path.join(p, 'package-lock.json'), 'rb').read()
    assert not os.path.exists(os.path.join(q, 'node_modules'))
    assert not [x for x in requests(url)[before:] if x[1].endswith('.tgz')], requests(url)[before:]
    r = skua(q, 'ci', *reg)
    assert layout(q) == expected and 'added 7 packages' in r.stdout, r.stdout
    check('install --package-lock-only writes the lockfile and nothing else')

    # omit-lockfile-registry-resolved on a lockfile in sync: npm rewrites it without
    # `resolved` for registry packages; the packages still come from the registry.
    o = project('omit-resolved', base)
    shutil.copy(os.path.join(p, 'package-lock.json'), o)
    r = skua(o, 'install', '--omit-lockfile-registry-resolved', *reg)
    with open(os.path.join(o, 'package-lock.json')) as f:
        entries = json.load(f)['packages']
    assert layout(o) == expected, layout(o)
    assert all('resolved' not in v for k, v in entries.items() if k), entries
    assert all('integrity' in v for k, v in entries.items() if k), entries
    check('omit-lockfile-registry-resolved rewrites a lockfile in sync')

    before = len(requests(url))
    lock_bytes = open(os.path.join(p, 'package-lock.json'), 'rb').read()
    r = skua(p, 'install', *reg)
    assert 'up to date in ' in r.stdout, r.stdout
    assert open(os.path.join(p, 'package-lock.json'), 'rb').read() == lock_bytes
    assert len(requests(url)) == before, requests(url)[before:]
    check('no-op re-install makes no requests')

    # The executable answers a no-op install itself: libskua_pm.so (curl, libarchive,
    # OpenSSL) is never loaded. ld.so's LD_DEBUG=files names every library it opens.
    r = skua(p, 'i', *reg, env=clean_env(LD_DEBUG='files'))
    assert 'up to date in ' in r.stdout, r.stdout
    assert 'libskua_pm.so' not in r.stderr, r.stderr
    check('no-op install does not load libskua_pm.so')

    # Run from a folder inside the project, the executable finds the project's stamp
    # above it (it looks for one before reading the configuration).
    sub = os.path.join(p, 'src', 'lib')
    os.makedirs(sub, exist_ok=True)
    r = skua(sub, 'install', *reg, env=clean_env(LD_DEBUG='files'))
    assert 'up to date in ' in r.stdout, r.stdout
    assert 'libskua_pm.so' not in r.stderr, r.stderr
    shutil.rmtree(os.path.join(p, 'src'))
    check('no-op install from a folder inside the project')

    assert os.path.exists(os.path.join(p, 'node_modules/.skua/state'))
    shutil.rmtree(os.path.join(p, 'node_modules/c/node_modules/b'))
    r = skua(p, 'install', *reg, env=clean_env(LD_DEBUG='files'))
    assert layout(p) == expected, layout(p)
    assert 'added 1 package in ' in r.stdout, r.stdout
    assert 'libskua_pm.so' in r.stderr  # A real install does load it.
    check('no-op stamp notices a removed nested package')

    # As npm (its hidden lockfile is stale once a package folder is newer): a package
    # that lost its package.json is installed again; a file lost deeper is not noticed.
    os.remove(os.path.join(p, 'node_modules/c/package.json'))
    r = skua(p, 'install', *reg)
    assert layout(p) == expected, layout(p)
    assert 'changed 1 package in ' in r.stdout, r.stdout
    check('no-op stamp notices a package folder that changed')

    shutil.rmtree(os.path.join(p, 'node_modules'))
    r = skua(p, 'ci', *reg, env=clean_env(LD_DEBUG='files'))
    assert layout(p) == expected and 'added 7 packages' in r.stdout
    check('ci with the lockfile')

    # Everything came from the store: no tarball was read, no digest computed, so
    # libarchive and libcrypto (opened on first use) were never loaded.
    assert 'libskua_pm.so' in r.stderr, r.stderr
    for lib in ('libarchive.so', 'libcrypto.so'):
        assert lib not in r.stderr, [l for l in r.stderr.splitlines() if lib in l]
    check('an install from the store loads neither libarchive nor libcrypto')

    def ci_after_damage(path, tarball):
        """Deletes `path` from a store entry, runs `skua ci` into a fresh node_modules and
        checks that exactly that entry's tarball was downloaded again."""
        os.remove(path)
        shutil.rmtree(os.path.join(p, 'node_modules'))
        before = len(requests(url))
        r = skua(p, 'ci', *reg)
        assert layout(p) == expected and 'added 7 packages' in r.stdout, r.stdout
        assert '1 damaged store entry was removed and downloaded again' in r.stdout + r.stderr, r.stderr
        assert [q[1] for q in requests(url)[before:] if q[1].endswith('.tgz')] == [tarball], \
            requests(url)[before:]

    # A damaged store entry (a file deleted behind skua's back) is fetched again.
    store = os.path.join(TMP, 'cache', 'store', 'v2', 'sha512')
    damaged = [os.path.join(d, 'index.js') for d, _, files in os.walk(store)
               if 'index.js' in files and os.path.dirname(d) == store and
               open(os.path.join(d, 'index.js')).read() == 'module.exports = 2;\n']
    assert len(damaged) == 1, damaged
    ci_after_damage(damaged[0], '/b/-/b-2.0.0.tgz')
    assert open(os.path.join(p, 'node_modules/b/index.js')).read() == 'module.exports = 2;\n'
    check('a damaged store entry is downloaded again')

    # The same for a package with a nested node_modules: c/node_modules/b waits for c.
    damaged = [os.path.join(d, 'package.json') for d, _, files in os.walk(store)
               if os.path.dirname(d) == store and 'package.json' in files and
               json.load(open(os.path.join(d, 'package.json'))).get('name') == 'c']
    assert len(damaged) == 1, damaged
    ci_after_damage(damaged[0], '/c/-/c-1.0.0.tgz')
    check('a damaged entry of a package with nested packages is downloaded again')

    r = skua(p, 'install', '--trust', *reg)
    assert open(os.path.join(p, 'node_modules/@s/d/ran.txt')).read() == 'ran\n'
    assert os.stat(os.path.join(p, 'node_modules/@s/d/package.json')).st_nlink == 1
    check('trusted dependency script runs (copied, not hard-linked)')

    pj = dict(base, scripts={'postinstall': 'node -e "require(\'fs\').writeFileSync(\'post.txt\', '
                                            'process.env.npm_lifecycle_event + \' \' + '
                                            'process.env.npm_package_name)"'})
    project('p', pj)
    skua(p, 'install', *reg)
    assert open(os.path.join(p, 'post.txt')).read() == 'postinstall p'
    check('root postinstall runs `node -e` through the skua stand-in')

    project('p', dict(pj, scripts={'postinstall': 'exit 7'}))
    skua(p, 'install', *reg, expect=7)
    project('p', pj)
    check('failing root script fails the install with its code')

    project('p', dict(base, dependencies=dict(base['dependencies'], b='^1.0.0')))
    r = skua(p, 'ci', *reg, expect=1)
    assert 'in sync' in r.stderr and "b@2.0.0 does not satisfy b@^1.0.0" in r.stderr, r.stderr
    project('p', base)
    check('ci refuses an out-of-sync lockfile')

    lock_bytes = open(os.path.join(p, 'package-lock.json'), 'rb').read()
    project('p', dict(base, dependencies=dict(base['dependencies'], evil='1.0.0')))
    r = skua(p, 'install', *reg, expect=1)
    assert 'EINTEGRITY' in r.stderr and 'evil@1.0.0' in r.stderr, r.stderr
    assert layout(p) == expected, layout(p)
    assert open(os.path.join(p, 'package-lock.json'), 'rb').read() == lock_bytes
    project('p', base)
    check('integrity mismatch names the package; node_modules and lockfile intact')

    with open(os.path.join(p, 'package.json'), 'w') as f:
        f.write('{"name": "p",\n  "dependencies": {,}\n}\n')
    r = skua(p, 'install', *reg, expect=1)
    assert 'package.json' in r.stderr and 'position 33' in r.stderr and 'line 2' in r.stderr, r.stderr
    assert open(os.path.join(p, 'package-lock.json'), 'rb').read() == lock_bytes
    project('p', base)
    check('malformed package.json is reported with its position')

    r = skua(p, 'install', expect=1)
    assert 'registry' in r.stderr.lower(), r.stderr
    check('no registry configured: clear error')

    project('p', dict(base, dependencies={'a': '1.0.0'}))
    r = skua(p, 'install', *reg)
    # a's b stays nested where the lockfile had it (npm starts from the lockfile's tree).
    assert layout(p) == {('node_modules/a', 'a', '1.0.0'), ('node_modules/a/node_modules/b', 'b', '1.0.0')}, layout(p)
    assert not os.path.exists(os.path.join(p, 'node_modules/c'))
    check('stale packages removed')

    # A `file:` directory dependency is a link; its bins and scripts are the target
    # package's, as npm does them, and its scripts run untrusted (npm leaves links, the
    # project's own code, out of the review) unless a rule denies them.
    lib = project('lib', {'name': 'lib', 'version': '0.2.0', 'bin': {'libcli': 'cli.js'},
                          'scripts': {'postinstall': 'node -e "require(\'fs\').writeFileSync('
                                                     '\'built.txt\', process.cwd())"'}})
    with open(os.path.join(lib, 'cli.js'), 'w') as f:
        f.write('#!/bin/sh\necho lib-cli\n')
    q = project('q', {'name': 'q', 'version': '1.0.0', 'dependencies': {'lib': 'file:../lib'}})
    r = skua(q, 'install', *reg)
    assert os.readlink(os.path.join(q, 'node_modules/lib')) == '../../lib'
    libcli = os.path.join(q, 'node_modules/.bin/libcli')
    assert subprocess.run([libcli], capture_output=True, text=True).stdout == 'lib-cli\n'
    assert 'did not run' not in r.stdout, r.stdout
    assert open(os.path.join(lib, 'built.txt')).read() == os.path.realpath(lib)
    os.remove(os.path.join(lib, 'built.txt'))
    r = skua(q, 'install', *reg)
    assert 'up to date in ' in r.stdout and not os.path.exists(os.path.join(lib, 'built.txt'))
    check('file: link dependency gets its bins and runs its script once')
    q2 = project('q2', {'name': 'q2', 'version': '1.0.0', 'dependencies': {'lib': 'file:../lib'},
                        'allowScripts': {'file:../lib': False}})
    r = skua(q2, 'install', *reg)
    assert not os.path.exists(os.path.join(lib, 'built.txt')) and 'did not run' not in r.stdout, r.stdout
    check('an allowScripts file: key denies a link\'s scripts')

    if shutil.which('npm'):
        n = project('npm', base)
        skua_dir = project('skua', base)
        env = clean_env()
        subprocess.run(['npm', 'install', '--registry', url, '--cache', os.path.join(TMP, 'npmcache'),
                        '--ignore-scripts', '--no-audit', '--no-fund'], cwd=n, env=env,
                       check=True, capture_output=True, timeout=300)
        skua(skua_dir, 'install', *reg)
        assert layout(n) == layout(skua_dir), (layout(n) ^ layout(skua_dir))
        check('same (path, name, version) set as npm')
    else:
        print('skip npm differential: npm not on PATH')


if __name__ == '__main__':
    main()
