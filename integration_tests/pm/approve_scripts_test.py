#!/usr/bin/env python3
"""`skua approve-scripts` / `skua deny-scripts` (npm 11's commands) against
tools/testing/test_registry.py: package.json's allowScripts after each step, the summary
printed, the warnings; with npm 11 on PATH, every step is also run by npm on a copy of
the project npm installed, and both must write the same bytes and print the same lines.

Usage: approve_scripts_test.py SKUA TEST_REGISTRY_PY
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
TMP = tempfile.mkdtemp(prefix='skua-approve-', dir=os.environ.get('TEST_TMPDIR'))

FIXTURE = {'packages': {
    'hasscript': {'versions': {
        '1.0.0': {'manifest': {'scripts': {'postinstall': 'node -e "require(\'fs\').writeFileSync(\'ran-1\', \'\')"'}}},
        '2.0.0': {'manifest': {'scripts': {'postinstall': 'node -e "require(\'fs\').writeFileSync(\'ran-2\', \'\')"'}}}}},
    'needs2': {'versions': {'1.0.0': {'manifest': {'dependencies': {'hasscript': '^2.0.0'}}}}},
    'other': {'versions': {'1.0.0': {'manifest': {'scripts': {'preinstall': 'node -e 4',
                                                              'install': 'node -e 3'}}}}},
    'plain': {'versions': {'1.0.0': {}}},
}}
PACKAGE = {'name': 'ap', 'version': '1.0.0',
           'dependencies': {'hasscript': '^1.0.0', 'needs2': '1.0.0', 'other': '1.0.0', 'plain': '1.0.0'}}


def project(name, npmrc=''):
    d = os.path.join(TMP, name)
    os.makedirs(d)
    with open(os.path.join(d, 'package.json'), 'w') as f:
        json.dump(PACKAGE, f, indent=2)
    with open(os.path.join(d, '.npmrc'), 'w') as f:
        f.write(npmrc)
    return d


def git_tree(name, commit):
    """A project whose node_modules holds one git package from GitHub, as installed."""
    d = os.path.join(TMP, name)
    os.makedirs(os.path.join(d, 'node_modules/r'))
    with open(os.path.join(d, 'package.json'), 'w') as f:
        json.dump({'name': 'gp', 'version': '1.0.0', 'dependencies': {'r': 'github:u/r'}}, f, indent=2)
    with open(os.path.join(d, 'node_modules/r/package.json'), 'w') as f:
        json.dump({'name': 'r', 'version': '1.0.0', 'scripts': {'postinstall': 'node -e 1'}}, f)
    with open(os.path.join(d, 'node_modules/.package-lock.json'), 'w') as f:
        json.dump({'name': 'gp', 'version': '1.0.0', 'lockfileVersion': 3, 'requires': True, 'packages': {
            'node_modules/r': {'version': '1.0.0', 'resolved': 'git+ssh://git@github.com/u/r.git#' + commit,
                               'hasInstallScript': True}}}, f, indent=2)
    return d


def edit_allow_scripts(d, change):
    """Rewrites package.json's allowScripts as change(old keys) returns them."""
    with open(os.path.join(d, 'package.json')) as f:
        pkg = json.load(f)
    pkg['allowScripts'] = change(pkg.get('allowScripts', {}))
    with open(os.path.join(d, 'package.json'), 'w') as f:
        json.dump(pkg, f, indent=2)


def allow_scripts(d):
    with open(os.path.join(d, 'package.json')) as f:
        return json.load(f).get('allowScripts')


def skua(d, url, *args, expect=0):
    env = support.clean_env(os.path.join(TMP, 'skua-env'))
    return support.run_skua(SKUA, d, [*args, '--registry', url], env, expect=expect)


def npm(d, url, *args):
    env = support.clean_env(os.path.join(TMP, 'npm-env'))
    return subprocess.run(['npm', *args, '--registry', url, '--cache', os.path.join(TMP, 'npm-cache'),
                           '--no-audit', '--no-fund'], cwd=d, env=env, text=True, capture_output=True,
                          timeout=300)


def same_as_npm(n, s, url, *args):
    """Runs one step with both tools; package.json bytes, exit codes and lines must agree."""
    a = npm(n, url, *args)
    b = skua(s, url, *args, expect=None)
    assert a.returncode == b.returncode, (args, a.stderr, b.stderr)
    with open(os.path.join(n, 'package.json')) as fa, open(os.path.join(s, 'package.json')) as fb:
        assert fa.read() == fb.read(), args
    out_a = a.stdout.replace('`npm ', '`skua ')
    assert out_a == b.stdout, (args, a.stdout, b.stdout)
    err_a = [l.replace('npm warn', 'skua warn').replace('npm error', 'skua error').replace('npm ', 'skua ')
             for l in a.stderr.splitlines() if 'complete log' not in l]
    assert err_a == b.stderr.splitlines(), (args, a.stderr, b.stderr)


def main():
    proc, url = support.start_registry(REGISTRY_PY, os.path.join(TMP, 'fixture.json'), FIXTURE)
    try:
        s = project('skua')
        skua(s, url, 'install', '--ignore-scripts')
        r = skua(s, url, 'approve-scripts', '--allow-scripts-pending')
        assert r.stdout.splitlines()[:4] == [
            '3 packages have install scripts not yet covered by allowScripts:',
            '  hasscript@1.0.0 (postinstall: node -e "require(\'fs\').writeFileSync(\'ran-1\', \'\')")',
            '  hasscript@2.0.0 (postinstall: node -e "require(\'fs\').writeFileSync(\'ran-2\', \'\')")',
            '  other@1.0.0 (preinstall: node -e 4; install: node -e 3)'], r.stdout
        support.check('--allow-scripts-pending lists what no rule covers')
        r = skua(s, url, 'approve-scripts', 'hasscript')
        assert allow_scripts(s) == {'hasscript@1.0.0': True, 'hasscript@2.0.0': True}, allow_scripts(s)
        assert r.stdout == 'Approved hasscript:\n  added hasscript@1.0.0\n  added hasscript@2.0.0\n', r.stdout
        skua(s, url, 'deny-scripts', 'other')
        r = skua(s, url, 'approve-scripts', 'other')
        assert 'other is denied; remove the entry from allowScripts to approve other.' in r.stderr, r.stderr
        assert allow_scripts(s)['other'] is False
        support.check('approve pins each installed version; a deny wins over a later approval')
        r = skua(s, url, 'deny-scripts', 'hasscript@2')
        assert allow_scripts(s) == {'other': False, 'hasscript': False}, allow_scripts(s)
        r = skua(s, url, 'approve-scripts', 'nothere', expect=1)
        assert 'code ENOMATCH' in r.stderr and 'nothere' in r.stderr, r.stderr
        skua(s, url, 'deny-scripts', expect=1)
        support.check('deny writes the name and drops the pins; ENOMATCH; EUSAGE')
        # Without `resolved` in the lockfile npm cannot trust a version: approved by name.
        o = project('omit', 'omit-lockfile-registry-resolved=true\n')
        skua(o, url, 'install', '--ignore-scripts')
        r = skua(o, url, 'approve-scripts', '--all')
        assert allow_scripts(o) == {'hasscript': True, 'other': True}, allow_scripts(o)
        assert 'approved by name (all versions)' in r.stderr, r.stderr
        r = skua(o, url, 'approve-scripts', '--all')
        assert r.stdout == 'No packages with unreviewed install scripts.\n', r.stdout
        support.check('without resolved URLs approvals are by name, with a warning')

        # The install names the command; once approved, the next install runs the script.
        i = project('install-then-approve')
        r = skua(i, url, 'install')
        assert 'skua approve-scripts hasscript other' in r.stdout, r.stdout
        skua(i, url, 'approve-scripts', 'hasscript@1')
        assert allow_scripts(i) == {'hasscript@1.0.0': True}, allow_scripts(i)
        skua(i, url, 'install')
        assert os.path.exists(os.path.join(i, 'node_modules/hasscript/ran-1')), os.listdir(os.path.join(i, 'node_modules/hasscript'))
        assert not os.path.exists(os.path.join(i, 'node_modules/needs2/node_modules/hasscript/ran-2'))
        support.check('an install names approve-scripts; what it approves runs at the next install')

        r = skua(i, url, 'install-scripts', 'prune')
        assert r.stdout == 'No unused allowScripts entries.\n', r.stdout
        edit_allow_scripts(i, lambda keys: dict(keys, gone=True))
        r = skua(i, url, 'install-scripts', 'prune')
        assert r.stdout == 'Removed 1 unused allowScripts entry:\n  gone (package not installed)\n', r.stdout
        assert allow_scripts(i) == {'hasscript@1.0.0': True}, allow_scripts(i)
        r = skua(i, url, 'install-scripts', 'ls')
        assert r.stdout.splitlines()[-1].startswith('Run `skua install-scripts approve <pkg>`'), r.stdout
        skua(i, url, 'install-scripts', 'frobnicate', expect=1)
        support.check('install-scripts: prune drops a key for a package not installed; ls; EUSAGE')

        if not shutil.which('npm'):
            print('skip npm differential: npm not on PATH')
            return
        for npmrc in ('', 'omit-lockfile-registry-resolved=true\n'):
            tag = 'omit' if npmrc else 'plain'
            n, s = project('npm-' + tag, npmrc), project('skua-' + tag, npmrc)
            assert npm(n, url, 'install', '--ignore-scripts').returncode == 0
            skua(s, url, 'install', '--ignore-scripts')
            for args in (('approve-scripts', '--allow-scripts-pending'), ('approve-scripts', 'hasscript'),
                         ('deny-scripts', 'other'), ('approve-scripts', 'other'), ('approve-scripts', '--all'),
                         ('approve-scripts', '--json', 'plain@1'), ('deny-scripts', 'hasscript@2'),
                         ('approve-scripts', '--no-allow-scripts-pin', 'plain'), ('approve-scripts', 'nothere'),
                         ('deny-scripts', '--all')):
                same_as_npm(n, s, url, *args)
        support.check('same package.json bytes, lines and exit codes as npm 11')

        # The install-scripts namespace; prune meets keys for a package without scripts,
        # one not installed, a version no longer installed and one that is no spec at all.
        n, s = project('npm-ns'), project('skua-ns')
        assert npm(n, url, 'install', '--ignore-scripts').returncode == 0
        skua(s, url, 'install', '--ignore-scripts')
        for args in (('install-scripts', 'ls'), ('install-scripts', 'ls', '--json'),
                     ('install-scripts', 'approve', 'hasscript@1'), ('install-scripts', 'ls'),
                     ('install-scripts', 'deny', 'other'), ('install-scripts', 'approve', '--no-allow-scripts-pin', 'plain'),
                     ('install-scripts', 'prune', '--dry-run'), ('install-scripts', 'prune'),
                     ('install-scripts', 'prune')):
            same_as_npm(n, s, url, *args)
        for d in (n, s):
            edit_allow_scripts(d, lambda keys: dict(keys, **{'gone': True, 'hasscript@9.9.9': False,
                                                             'other@1.0.0': True, '@@not a spec': True}))
        for args in (('install-scripts', 'prune', '--json', '--dry-run'), ('install-scripts', 'prune'),
                     ('install-scripts', 'ls'), ('install-scripts', 'approve', '--all')):
            same_as_npm(n, s, url, *args)
        for d in (n, s):
            edit_allow_scripts(d, lambda keys: {'plain': True})
        same_as_npm(n, s, url, 'install-scripts', 'prune')
        support.check('install-scripts approve/deny/ls/prune as npm 11\'s')

        # A git package on a known host (a tree written by hand: nothing is fetched).
        commit = '0123456789abcdef0123456789abcdef01234567'
        n, s = git_tree('npm-git', commit), git_tree('skua-git', commit)
        for args in (('install-scripts', 'ls'), ('approve-scripts', 'r'), ('install-scripts', 'ls'),
                     ('install-scripts', 'prune'), ('deny-scripts', 'r'), ('install-scripts', 'prune'),
                     ('approve-scripts', 'r'), ('install-scripts', 'approve', '--no-allow-scripts-pin', 'r')):
            same_as_npm(n, s, url, *args)
        assert allow_scripts(s) == {'github:u/r': False}, allow_scripts(s)
        support.check('git packages: keys by repository and commit, as npm 11 writes them')
    finally:
        proc.kill()
        shutil.rmtree(TMP, ignore_errors=True)


if __name__ == '__main__':
    main()
