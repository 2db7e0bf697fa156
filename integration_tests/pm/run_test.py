#!/usr/bin/env python3
"""`skua run`/`test`/`start`, `skua init`, `skua trust`/`untrusted` and `skua x` end to end.

Usage: run_test.py SKUA TEST_REGISTRY_PY
Each check prints "ok <name>" or raises. `x` and `trust` install from the loopback registry.
"""
import json
import os
import signal
import subprocess
import sys
import tempfile

import pm_test_support as support

SKUA = os.path.abspath(sys.argv[1])
REGISTRY_PY = os.path.abspath(sys.argv[2])
TMP = os.path.realpath(tempfile.mkdtemp(prefix='skua-run-', dir=os.environ.get('TEST_TMPDIR')))

FIXTURE = {'packages': {
    'hello': {'versions': {'1.0.0': {
        'manifest': {'bin': {'hello': 'cli.sh'}},
        'files': {'cli.sh': {'content': '#!/bin/sh\necho "hello 1 $*"\n', 'mode': 493}}}}},
    'multi': {'versions': {'1.0.0': {
        'manifest': {'bin': {'one': 'one.sh', 'two': 'two.sh'}},
        'files': {'one.sh': {'content': '#!/bin/sh\necho one\n', 'mode': 493},
                  'two.sh': {'content': '#!/bin/sh\necho two\n', 'mode': 493}}}}},
    'builder': {'versions': {'1.0.0': {'manifest': {'scripts': {
        'preinstall': 'echo pre >> log.txt', 'postinstall': 'echo post >> log.txt'}}}}},
    'other': {'versions': {'1.0.0': {'manifest': {'scripts': {'install': 'echo i > ran.txt'}}}}},
}}


def clean_env(**extra):
    return support.clean_env(TMP, drop_prefix='npm_', **extra)


def skua(cwd, *args, expect=0):
    return support.run_skua(SKUA, cwd, args, clean_env(), expect)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)


def read(path):
    with open(path) as f:
        return f.read()


def project(name, package):
    d = os.path.join(TMP, name)
    write(os.path.join(d, 'package.json'), json.dumps(package, indent=2) + '\n')
    return d


check = support.check


def test_run():
    scripts = {'prego': 'echo pre-$npm_lifecycle_event', 'go': 'echo go', 'postgo': 'echo post',
               'args': 'printf "[%s]"', 'fail': 'exit 7', 'die': 'kill -TERM $$',
               'env': 'echo "$npm_package_name|$npm_package_version|$npm_lifecycle_event|'
                      '$npm_lifecycle_script|$npm_package_json|$INIT_CWD|$npm_command|'
                      '$npm_config_foo_bar"',
               'which': 'command -v node; command -v tool; command -v uptool',
               'node': 'node -p "6 * 7"', 'test': 'echo testing'}
    p = project('app/p', {'name': 'p', 'version': '1.2.3', 'scripts': scripts})
    write(os.path.join(p, '.npmrc'), 'foo-bar=baz\n')
    for where, name in ((p, 'tool'), (os.path.dirname(p), 'uptool')):
        write(os.path.join(where, 'node_modules/.bin', name), '#!/bin/sh\n')
        os.chmod(os.path.join(where, 'node_modules/.bin', name), 0o755)

    r = skua(p, 'run', 'go')
    assert [l for l in r.stdout.splitlines() if l and not l.startswith('>')] == \
        ['pre-prego', 'go', 'post'], r.stdout
    assert '> p@1.2.3 go\n> echo go\n' in r.stdout, r.stdout
    check('pre and post scripts in order, with the banner')

    r = skua(p, 'run', '--silent', 'args', '--', 'a b', "it's", '$HOME', '')
    assert r.stdout == "[a b][it's][$HOME][]", repr(r.stdout)
    check('arguments after -- are shell-quoted')

    sub = os.path.join(p, 'sub')
    os.makedirs(sub)
    r = skua(sub, 'run', '-s', 'env')
    assert r.stdout.strip() == '|'.join(['p', '1.2.3', 'env', scripts['env'],
                                         os.path.join(p, 'package.json'), sub, 'run', 'baz']), r.stdout
    check("npm's environment (package, lifecycle, INIT_CWD, npm_config_* from .npmrc)")

    node, tool, uptool = skua(p, 'run', '-s', 'which').stdout.split()
    assert os.path.realpath(node) == os.path.realpath(SKUA), node
    assert tool == os.path.join(p, 'node_modules/.bin/tool'), tool
    assert uptool == os.path.join(os.path.dirname(p), 'node_modules/.bin/uptool'), uptool
    assert skua(p, 'run', '-s', 'node').stdout == '42\n'
    check('node stand-in and every ancestor .bin on PATH')

    r = skua(p, 'run', 'fail', expect=7)
    r = subprocess.run([SKUA, 'run', 'die'], cwd=p, env=clean_env(), capture_output=True)
    assert r.returncode == -signal.SIGTERM, r.returncode
    check('exit codes and signals passed through')

    r = skua(p, 'run', 'nope', expect=1)
    assert 'Missing script: "nope"' in r.stderr and r.stdout == '', r.stderr
    assert skua(p, 'run', 'nope', '--if-present').stdout == ''
    check('missing script')

    r = skua(p, 'run')
    assert r.stdout.startswith('Lifecycle scripts included in p@1.2.3:\n  test\n    echo testing\n'
                               'available via `skua run`:\n  prego\n'), r.stdout
    check('run alone lists the scripts')

    os.makedirs(os.path.join(p, 'test'))  # A test/ folder is not a script named "test".
    assert skua(p, 'test', '-s').stdout == 'testing\n'
    s = project('srv', {'name': 'srv'})
    write(os.path.join(s, 'server.js'), 'console.log("server up")\n')
    assert skua(s, 'start', '-s').stdout == 'server up\n'
    r = skua(s, 'test', expect=1)
    assert 'Missing script: "test"' in r.stderr
    check('test and start shorthands (start defaults to node server.js)')

    bad = os.path.join(TMP, 'bad')
    write(os.path.join(bad, 'package.json'), '{"name": "bad",\n "scripts": {"a": "true",}}\n')
    r = skua(bad, 'run', 'a', expect=1)
    assert 'EJSONPARSE' in r.stderr and os.path.join(bad, 'package.json') in r.stderr, r.stderr
    assert 'position 41' in r.stderr and 'line 2' in r.stderr, r.stderr
    check('invalid package.json names file and position')


def test_init():
    d = os.path.join(TMP, 'node-My Lib.js')
    os.makedirs(d)
    r = skua(d, 'init', '-y')
    pj = json.loads(read(os.path.join(d, 'package.json')))
    assert list(pj) == ['name', 'version', 'description', 'main', 'scripts', 'keywords', 'author',
                        'license', 'type'], pj
    assert pj['name'] == 'my-lib' and pj['version'] == '1.0.0' and pj['license'] == 'ISC', pj
    assert 'Wrote to ' + os.path.join(d, 'package.json') in r.stdout
    check('init -y writes the defaults')

    e = os.path.join(TMP, 'existing')
    text = '{\n    "name": "keep",\n    "scripts": {\n        "x": "y"\n    },\n    "zz": 1\n}\n'
    write(os.path.join(e, 'package.json'), text)
    skua(e, 'init', '-y')
    after = read(os.path.join(e, 'package.json'))
    pj = json.loads(after)
    assert list(pj)[:3] == ['name', 'scripts', 'zz'] and pj['name'] == 'keep', pj
    assert pj['scripts'] == {'x': 'y'} and pj['zz'] == 1 and pj['version'] == '1.0.0', pj
    assert after.startswith('{\n    "name": "keep",\n    "scripts": {\n        "x": "y"'), after
    check('init keeps an existing package.json (fields, order, indentation)')

    bad = os.path.join(TMP, 'badinit')
    write(os.path.join(bad, 'package.json'), '{"name": }')
    r = skua(bad, 'init', '-y', expect=1)
    assert 'position 9' in r.stderr and read(os.path.join(bad, 'package.json')) == '{"name": }'
    check('init with invalid package.json writes nothing')


def test_trust(url):
    p = project('trusting', {'name': 't', 'version': '1.0.0',
                             'dependencies': {'builder': '1.0.0', 'other': '1.0.0'}})
    with open(os.path.join(p, 'package.json'), 'w') as f:  # Four-space indent, kept below.
        f.write('{\n    "name": "t",\n    "dependencies": {\n        "builder": "1.0.0",\n'
                '        "other": "1.0.0"\n    }\n}\n')
    skua(p, 'install', '--registry', url)
    log = os.path.join(p, 'node_modules/builder/log.txt')
    assert not os.path.exists(log)
    r = skua(p, 'untrusted')
    assert './node_modules/builder @1.0.0' in r.stdout and '[postinstall]: echo post >> log.txt' in r.stdout
    assert './node_modules/other @1.0.0' in r.stdout, r.stdout
    check('untrusted lists skipped install scripts')

    # A package the project decided on (npm's allowScripts deny) is not "untrusted".
    pj = read(os.path.join(p, 'package.json'))
    write(os.path.join(p, 'package.json'), pj.replace('\n}\n', ',\n    "allowScripts": {"other": false}\n}\n'))
    r = skua(p, 'untrusted')
    assert 'builder' in r.stdout and 'other' not in r.stdout, r.stdout
    write(os.path.join(p, 'package.json'), pj)
    check('untrusted leaves out what allowScripts denies')

    r = skua(p, 'trust', 'nosuch', expect=1)
    assert '"nosuch"' in r.stderr and 'trustedDependencies' not in read(os.path.join(p, 'package.json'))
    check('trust of a package with nothing skipped is refused, nothing written')

    pj_before = os.stat(os.path.join(p, 'node_modules/builder/package.json'))
    assert pj_before.st_nlink > 1  # Hard-linked from the store.
    skua(p, 'trust', 'builder')
    assert read(log) == 'pre\npost\n'
    assert os.stat(os.path.join(p, 'node_modules/builder/package.json')).st_nlink == 1
    text = read(os.path.join(p, 'package.json'))
    assert text.endswith('    },\n    "trustedDependencies": [\n        "builder"\n    ]\n}\n'), text
    r = skua(p, 'untrusted')
    assert 'builder' not in r.stdout and 'other' in r.stdout, r.stdout
    check('trust adds trustedDependencies (indent kept) and runs the scripts now')

    skua(p, 'trust', '--all')
    assert read(os.path.join(p, 'node_modules/other/ran.txt')) == 'i\n'
    assert json.loads(read(os.path.join(p, 'package.json')))['trustedDependencies'] == ['builder', 'other']
    assert 'Found 0' in skua(p, 'untrusted').stdout
    r = skua(p, 'install', '--registry', url)
    assert read(log) == 'pre\npost\n', 'install ran the scripts again'
    check('trust --all, and a later install does not run them again')

    write(os.path.join(p, 'package.json'), '{"name": "t",, }')
    r = skua(p, 'trust', '--all', expect=1)
    assert 'EJSONPARSE' in r.stderr and 'position 13' in r.stderr, r.stderr
    assert read(os.path.join(p, 'package.json')) == '{"name": "t",, }'
    check('trust with invalid package.json writes nothing')


def test_x(url, requests):
    d = os.path.join(TMP, 'xdir')
    os.makedirs(d)
    r = skua(d, 'x', '--registry', url, 'hello', 'a b', 'c')
    assert r.stdout == 'hello 1 a b c\n', (r.stdout, r.stderr)
    before = len(requests())
    r = skua(d, 'x', '--registry', url, 'hello')
    assert r.stdout == 'hello 1 \n' and len(requests()) == before, requests()[before:]
    check('x installs into the cache, then runs from it without the network')

    assert skua(d, 'x', '--registry', url, '-p', 'multi', 'two').stdout == 'two\n'
    r = skua(d, 'x', '--registry', url, 'multi', expect=1)
    assert 'could not determine executable to run' in r.stderr, r.stderr
    check('x -p names the package; several bins need one named after it')

    local = project('xlocal', {'name': 'xl'})
    write(os.path.join(local, 'node_modules/.bin/hello'), '#!/bin/sh\necho local hello\n')
    os.chmod(os.path.join(local, 'node_modules/.bin/hello'), 0o755)
    assert skua(local, 'x', 'hello').stdout == 'local hello\n'
    check("x prefers the project's own bin")

    r = skua(d, 'x', '--registry', url, 'no-such-pkg', expect=1)
    assert 'E404' in r.stderr and 'no-such-pkg' in r.stderr, r.stderr
    check('x of an unknown package: E404 with the name')


def main():
    path = os.path.join(TMP, 'fixture.json')
    with open(path, 'w') as f:
        json.dump(FIXTURE, f)
    proc = subprocess.Popen([sys.executable, REGISTRY_PY, path], stdout=subprocess.PIPE, text=True)
    url = proc.stdout.readline().strip()

    def requests():
        import urllib.request
        with urllib.request.urlopen(url + '-/skua/requests') as r:
            return json.load(r)
    try:
        test_run()
        test_init()
        test_trust(url)
        test_x(url, requests)
    finally:
        proc.kill()


if __name__ == '__main__':
    main()
