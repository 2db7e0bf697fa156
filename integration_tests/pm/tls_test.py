#!/usr/bin/env python3
"""skua install against tools/testing/test_registry.py over TLS: the registry's
certificate is checked against `cafile` (or not, with strict-ssl=false), and a registry
that asks for a client certificate gets the one npm's `//host/:certfile` and
`//host/:keyfile` name. Certificates are made here with the openssl command.

Usage: tls_test.py SKUA TEST_REGISTRY_PY
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
TMP = tempfile.mkdtemp(prefix='skua-tls-', dir=os.environ.get('TEST_TMPDIR'))

FIXTURE = {'packages': {
    'a': {'versions': {'1.0.0': {'manifest': {'dependencies': {'b': '^1.0.0'}}}}},
    'b': {'versions': {'1.0.0': {}}},
}}


def openssl(*args):
    subprocess.run(['openssl', *args], cwd=TMP, check=True, capture_output=True)


def make_certificates():
    """A CA, a server certificate for 127.0.0.1 and a client certificate, both from the CA;
    and a second CA that signed nothing here."""
    ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
    for ca in ('ca', 'other-ca'):
        openssl('req', '-x509', *ec, '-keyout', ca + '.key', '-out', ca + '.pem', '-days', '2',
                '-subj', '/CN=skua test ' + ca)
    for name, extension in (('server', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth'),
                            ('client', 'extendedKeyUsage=clientAuth')):
        with open(os.path.join(TMP, name + '.ext'), 'w') as f:
            f.write(extension + '\n')
        openssl('req', *ec, '-keyout', name + '.key', '-out', name + '.csr',
                '-subj', '/CN=skua test ' + name)
        openssl('x509', '-req', '-in', name + '.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key',
                '-CAcreateserial', '-out', name + '.pem', '-days', '2', '-extfile', name + '.ext')


def path(name):
    return os.path.join(TMP, name)


def project(name, npmrc_lines):
    """A project depending on `a`, with its own .npmrc and cache."""
    root = path(name)
    os.makedirs(root)
    with open(os.path.join(root, 'package.json'), 'w') as f:
        json.dump({'name': name, 'version': '1.0.0', 'dependencies': {'a': '^1.0.0'}}, f)
    with open(os.path.join(root, '.npmrc'), 'w') as f:
        f.write(''.join(line + '\n' for line in npmrc_lines))
    return root


def install(root, expect):
    env = support.clean_env(path(os.path.basename(root) + '-env'))
    return support.run_skua(SKUA, root, ['install'], env, expect=expect)


def installed(root):
    with open(os.path.join(root, 'package-lock.json')) as f:
        lock = json.load(f)
    return sorted((k, v['version']) for k, v in lock['packages'].items() if k)


def main():
    make_certificates()
    tls = ['--tls-cert', path('server.pem'), '--tls-key', path('server.key')]
    mutual = tls + ['--client-ca', path('ca.pem')]
    fixture = path('fixture.json')
    with open(fixture, 'w') as f:
        json.dump(FIXTURE, f)
    servers = []
    try:
        def serve(args):
            proc = subprocess.Popen([sys.executable, REGISTRY_PY, fixture, *args],
                                    stdout=subprocess.PIPE, text=True)
            servers.append(proc)
            url = proc.stdout.readline().strip()
            assert url.startswith('https://127.0.0.1:'), url
            return url

        url = serve(tls)
        nerf = '//' + url.split('://', 1)[1]
        want = [('node_modules/a', '1.0.0'), ('node_modules/b', '1.0.0')]

        # The registry's certificate: from a CA named by `cafile`; refused without it.
        root = project('cafile', ['registry=' + url, 'cafile=' + path('ca.pem')])
        install(root, 0)
        assert installed(root) == want, installed(root)
        support.check('cafile trusts the registry certificate')

        root = project('untrusted', ['registry=' + url])
        r = install(root, 1)
        assert 'SELF_SIGNED_CERT_IN_CHAIN' in r.stderr or 'UNABLE_TO_GET_ISSUER_CERT' in r.stderr, r.stderr
        assert not os.path.exists(os.path.join(root, 'node_modules', 'a')), 'installed anyway'
        support.check('an unknown CA is refused with its code')

        root = project('other-ca', ['registry=' + url, 'cafile=' + path('other-ca.pem')])
        install(root, 1)
        support.check('a cafile that did not sign the certificate is refused')

        root = project('no-strict', ['registry=' + url, 'strict-ssl=false'])
        install(root, 0)
        assert installed(root) == want, installed(root)
        support.check('strict-ssl=false skips the check')

        # Mutual TLS: the client certificate for the registry's nerf dart.
        url = serve(mutual)
        nerf = '//' + url.split('://', 1)[1]
        common = ['registry=' + url, 'cafile=' + path('ca.pem')]
        root = project('mtls', common + [nerf + ':certfile=' + path('client.pem'),
                                         nerf + ':keyfile=' + path('client.key')])
        install(root, 0)
        assert installed(root) == want, installed(root)
        support.check('certfile and keyfile are presented to a registry that asks')

        # The refusal is a connection reset, which is retried (10 s, then 60 s) as npm does.
        root = project('mtls-none', common + ['fetch-retries=0'])
        install(root, 1)
        assert not os.path.exists(os.path.join(root, 'node_modules', 'a')), 'installed anyway'
        support.check('without a client certificate the registry refuses')

        root = project('mtls-other-host', common + ['fetch-retries=0',
                                                    '//example.invalid/:certfile=' + path('client.pem'),
                                                    '//example.invalid/:keyfile=' + path('client.key')])
        install(root, 1)
        support.check('a certificate configured for another registry is not sent')

        root = project('mtls-missing', common + [nerf + ':certfile=' + path('missing.pem'),
                                                 nerf + ':keyfile=' + path('client.key')])
        r = install(root, 1)
        assert 'missing.pem' in r.stderr, r.stderr
        support.check('a missing certfile is named')
    finally:
        for proc in servers:
            proc.kill()
            proc.wait()
        shutil.rmtree(TMP, ignore_errors=True)


if __name__ == '__main__':
    main()
