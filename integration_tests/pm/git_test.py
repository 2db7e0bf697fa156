#!/usr/bin/env python3
"""Git dependencies in `skua install` / `skua ci`: git+file:// repositories made here
(tag, annotated tag, branch, sha, `semver:` range, default branch), a registry dependency
of the git package from the loopback registry, the lockfile, a re-install from the cache
without the repository or registry, and errors naming the dependency.

Usage: git_test.py SKUA TEST_REGISTRY_PY
Each check prints "ok <name>" or raises. When npm is on PATH, npm 11 installs the same
project and its package-lock.json must equal skua's byte for byte.
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
TMP = tempfile.mkdtemp(prefix='skua-git-', dir=os.environ.get('TEST_TMPDIR'))
FIXTURE = {'packages': {'b': {'versions': {'1.0.0': {}, '1.2.0': {}, '2.0.0': {}}}}}
check = support.check


def git(repo, *args):
    r = subprocess.run(['git', '-c', 'user.name=t', '-c', 'user.email=t@example.com', *args], cwd=repo,
                       env=support.clean_env(TMP), text=True, capture_output=True, check=True)
    return r.stdout.strip()


def commit(repo, package, files={}):
    for rel, text in dict(files, **{'package.json': json.dumps(package) + '\n'}).items():
        with open(os.path.join(repo, rel), 'w') as f:
            f.write(text)
    git(repo, 'add', '-A')
    git(repo, 'commit', '-q', '-m', package['version'])
    return git(repo, 'rev-parse', 'HEAD')


def make_repo():
    repo = os.path.join(TMP, 'repo')
    os.makedirs(repo)
    git(repo, 'init', '-q', '-b', 'main')
    pkg = {'name': 'gitpkg', 'version': '1.0.0', 'dependencies': {'b': '^1.0.0'}}
    shas = {'1.0.0': commit(repo, pkg, {'index.js': 'module.exports = 1;\n', '.gitignore': 'x\n'})}
    git(repo, 'tag', 'v1.0.0')
    shas['1.1.0'] = commit(repo, dict(pkg, version='1.1.0'))
    git(repo, 'tag', '-a', 'v1.1.0', '-m', 'annotated')
    git(repo, 'checkout', '-q', '-b', 'next')
    shas['2.0.0'] = commit(repo, dict(pkg, version='2.0.0'), {'next.js': 'n\n'})
    git(repo, 'checkout', '-q', 'main')
    return repo, shas


def project(name, deps):
    d = os.path.join(TMP, name)
    os.makedirs(d)
    with open(os.path.join(d, 'package.json'), 'w') as f:
        json.dump({'name': name, 'version': '1.0.0', 'dependencies': deps}, f, indent=2)
    return d


def installed(d, name):
    with open(os.path.join(d, 'node_modules', name, 'package.json')) as f:
        return json.load(f)['version']


def prepared_git(base, env, reg, npmrc):
    """A git dependency with a `prepare` script is built before it is packed, as npm builds
    it: its dependencies (dev ones too) installed in a copy of the checkout, then prepare."""
    builds = os.path.join(TMP, 'builds')
    os.makedirs(builds)
    git(builds, 'init', '-q', '-b', 'main')
    script = ('node -e "require(\'fs\').writeFileSync(\'built.js\', \'module.exports = \' + '
              'JSON.stringify(require(\'b/package.json\').version) + \';\\n\')"')
    commit(builds, {'name': 'builds', 'version': '1.0.0', 'devDependencies': {'b': '^1.0.0'},
                    'scripts': {'prepare': script}})
    spec = 'git+file://' + builds
    d = project('prepare-trusted', {'builds': spec})
    with open(os.path.join(d, 'package.json')) as f:
        package = json.load(f)
    package['trustedDependencies'] = ['builds']
    with open(os.path.join(d, 'package.json'), 'w') as f:
        json.dump(package, f, indent=2)
    support.run_skua(SKUA, d, ['install', *reg], env)
    with open(os.path.join(d, 'node_modules/builds/built.js')) as f:
        assert f.read() == 'module.exports = "1.2.0";\n'
    assert not os.path.exists(os.path.join(d, 'node_modules/builds/node_modules'))
    assert not os.path.exists(os.path.join(d, 'node_modules/b'))  # A dev dependency of builds.
    cached = [r for r, dirs, _ in os.walk(os.path.join(env['SKUA_CACHE_DIR'], 'git'))
              if 'node_modules' in dirs or os.path.basename(r).startswith('prepare-')]
    assert not cached, cached
    check('a trusted git dependency is prepared (dev dependencies, prepare) before packing')

    if shutil.which('npm'):
        n = project('prepare-npm', {'builds': spec})
        subprocess.run(['npm', 'install', '--registry', base, '--userconfig', npmrc, '--cache',
                        os.path.join(TMP, 'npmcache'), '--no-audit', '--no-fund'],
                       cwd=n, env=env, check=True, capture_output=True, timeout=300)
        assert sorted(os.listdir(os.path.join(n, 'node_modules/builds'))) == \
            sorted(os.listdir(os.path.join(d, 'node_modules/builds')))
        texts = [json.load(open(os.path.join(x, 'package-lock.json'))) for x in (n, d)]
        assert texts[0]['packages']['node_modules/builds'] == texts[1]['packages']['node_modules/builds'], texts
        check('the prepared git package holds the files npm 11\'s holds, same lockfile entry')


def main():
    repo, shas = make_repo()
    url = 'git+file://' + repo
    deps = {'tag': url + '#v1.0.0', 'branch': url + '#next', 'sha': url + '#' + shas['1.1.0'],
            'range': url + '#semver:^1.0.0', 'head': url}
    registry, base = support.start_registry(REGISTRY_PY, os.path.join(TMP, 'fixture.json'), FIXTURE)
    env = support.clean_env(TMP)
    reg = ['--registry', base]
    try:
        d = project('skua', deps)
        support.run_skua(SKUA, d, ['install', *reg], env)
        want = {'tag': '1.0.0', 'branch': '2.0.0', 'sha': '1.1.0', 'range': '1.1.0', 'head': '1.1.0'}
        assert {n: installed(d, n) for n in want} == want
        assert os.path.exists(os.path.join(d, 'node_modules/branch/next.js'))
        assert not os.path.exists(os.path.join(d, 'node_modules/tag/next.js'))
        assert not os.path.exists(os.path.join(d, 'node_modules/tag/.gitignore'))  # npm pack's rules.
        assert installed(d, 'b') == '1.2.0'
        check('tag, branch, sha, semver: range and default branch install their commits')

        with open(os.path.join(d, 'package-lock.json')) as f:
            lock_text = f.read()
        lock = json.loads(lock_text)['packages']
        picked = {'tag': '1.0.0', 'branch': '2.0.0', 'sha': '1.1.0', 'range': '1.1.0', 'head': '1.1.0'}
        for name, version in picked.items():
            entry = lock['node_modules/' + name]
            assert entry == {'name': 'gitpkg', 'version': version, 'resolved': url + '#' + shas[version],
                             'dependencies': {'b': '^1.0.0'}}, entry
        assert lock['node_modules/b']['integrity'].startswith('sha512-')
        check('lockfile: resolved with the full sha, no integrity')

        npmrc = os.path.join(TMP, 'empty-npmrc')
        open(npmrc, 'w').close()
        if shutil.which('npm'):
            n = project('npm', deps)
            subprocess.run(['npm', 'install', '--registry', base, '--userconfig', npmrc, '--cache',
                            os.path.join(TMP, 'npmcache'), '--no-audit', '--no-fund'],
                           cwd=n, env=env, check=True, capture_output=True, timeout=300)
            with open(os.path.join(n, 'package-lock.json')) as f:
                npm_lock = f.read()
            assert npm_lock == lock_text.replace('"name": "skua"', '"name": "npm"'), (npm_lock, lock_text)
            check('package-lock.json equals npm 11\'s')
        else:
            print('skip npm differential: npm not on PATH')

        r = support.run_skua(SKUA, d, ['install', *reg], env)
        assert 'up to date' in r.stdout, r.stdout
        check('second install is up to date')

        prepared_git(base, env, reg, npmrc)

        # `skua add` of a nameless git spec reads the name from the repository.
        adders = [project('add-skua', {})]
        support.run_skua(SKUA, adders[0], ['add', url + '#v1.0.0', *reg], env)
        with open(os.path.join(adders[0], 'package.json')) as f:
            assert json.load(f)['dependencies'] == {'gitpkg': url + '#v1.0.0'}
        assert installed(adders[0], 'gitpkg') == '1.0.0'
        if shutil.which('npm'):
            adders.append(project('add-npm', {}))
            subprocess.run(['npm', 'install', url + '#v1.0.0', '--registry', base, '--userconfig', npmrc,
                            '--cache', os.path.join(TMP, 'npmcache'), '--no-audit', '--no-fund'],
                           cwd=adders[1], env=env, check=True, capture_output=True, timeout=300)
            texts = [[open(os.path.join(a, f)).read().replace('add-npm', 'add-skua')
                      for f in ('package.json', 'package-lock.json')] for a in adders]
            assert texts[0] == texts[1], texts
        check('add saves the git spec under the repository\'s package name')
    finally:
        registry.kill()
        registry.wait()

    # The cache holds the checkouts and the store the packages: neither the repository nor
    # the registry is needed to install the locked commits again.
    shutil.move(repo, repo + '.away')
    support.run_skua(SKUA, d, ['ci', *reg], env)
    assert installed(d, 'branch') == '2.0.0' and installed(d, 'b') == '1.2.0'
    check('ci re-installs the locked commits from the cache without the repository')
    shutil.move(repo + '.away', repo)

    prepared = os.path.join(TMP, 'prepared')
    os.makedirs(prepared)
    git(prepared, 'init', '-q', '-b', 'main')
    commit(prepared, {'name': 'prepared', 'version': '1.0.0', 'scripts': {'prepare': 'tsc'}})
    for name, spec, words in [('prepare-script', 'git+file://' + prepared, '"prepare" script'),
                              ('unknown-ref', url + '#no-such-ref', 'The git reference could not be found'),
                              ('missing-repo', 'git+file://' + repo + '-missing', 'ls-remote')]:
        e = project(name, {'dep': spec})
        r = support.run_skua(SKUA, e, ['install', *reg], env, expect=1)
        assert words in r.stderr and 'dep@' + spec in r.stderr, r.stderr
        assert not os.path.exists(os.path.join(e, 'node_modules'))
        assert not os.path.exists(os.path.join(e, 'package-lock.json'))
        check('error names the dependency, nothing installed (%s)' % name)


if __name__ == '__main__':
    main()
