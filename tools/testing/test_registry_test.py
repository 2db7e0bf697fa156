#!/usr/bin/env python3
"""Self-test of test_registry.py: packuments (full and abbreviated), conditional requests,
tarball integrity, scoped names, the request log, and every hostile mode."""

import base64
import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import threading
import unittest
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_registry  # noqa: E402

FIXTURE = {
    'packages': {
        'left': {
            'versions': {
                '1.0.0': {'files': {'index.js': 'module.exports = 1;\n'}},
                '1.1.0': {'manifest': {'dependencies': {'right': '^2.0.0'},
                                       'bin': {'left': 'cli.js'},
                                       'scripts': {'postinstall': 'node x'}},
                          'files': {'cli.js': {'content': '#!/usr/bin/env node\n', 'mode': 0o755}}},
                '2.0.0-beta.1': {},
            },
        },
        '@scope/right': {'dist-tags': {'latest': '2.0.0', 'next': '2.0.0'},
                         'versions': {'2.0.0': {}}},
    },
}


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def members(tgz):
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(tgz))) as tar:
        return {m.name: m for m in tar.getmembers()}


class RegistryTest(unittest.TestCase):
    def start(self, hostile=None, fixture=FIXTURE):
        server = test_registry.RegistryServer(fixture, hostile)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        return server.url

    def test_full_and_abbreviated_packuments(self):
        url = self.start()
        status, headers, body = get(url + 'left')
        self.assertEqual(status, 200)
        full = json.loads(body)
        self.assertEqual(full['dist-tags'], {'latest': '1.1.0'})  # Prerelease is not latest.
        self.assertIn('time', full)
        self.assertEqual(full['versions']['1.1.0']['dependencies'], {'right': '^2.0.0'})
        self.assertTrue(full['versions']['1.1.0']['hasInstallScript'])

        status, headers, body = get(url + 'left', {'Accept': test_registry.CORGI})
        self.assertEqual(headers['Content-Type'], test_registry.CORGI)
        corgi = json.loads(body)
        self.assertNotIn('time', corgi)
        self.assertNotIn('scripts', corgi['versions']['1.1.0'])
        self.assertEqual(corgi['versions']['1.1.0']['bin'], {'left': 'cli.js'})

    def test_conditional_requests(self):
        url = self.start()
        _, headers, _ = get(url + 'left')
        status, _, body = get(url + 'left', {'If-None-Match': headers['ETag']})
        self.assertEqual((status, body), (304, b''))
        status, _, _ = get(url + 'left', {'If-None-Match': '"stale"'})
        self.assertEqual(status, 200)
        status, _, _ = get(url + 'left', {'If-Modified-Since': headers['Last-Modified']})
        self.assertEqual(status, 304)
        status, _, _ = get(url + 'left', {'If-Modified-Since': 'Mon, 01 Jan 2001 00:00:00 GMT'})
        self.assertEqual(status, 200)

    def test_tarballs_match_their_integrity(self):
        url = self.start()
        doc = json.loads(get(url + 'left')[2])
        dist = doc['versions']['1.1.0']['dist']
        self.assertTrue(dist['tarball'].endswith('/left/-/left-1.1.0.tgz'))
        status, _, tgz = get(dist['tarball'])
        self.assertEqual(status, 200)
        self.assertEqual(dist['integrity'],
                         'sha512-' + base64.b64encode(hashlib.sha512(tgz).digest()).decode())
        self.assertEqual(dist['shasum'], hashlib.sha1(tgz).hexdigest())
        entries = members(tgz)
        self.assertEqual(entries['package/cli.js'].mode, 0o755)
        manifest = json.loads(gzip.decompress(tgz)[512:].split(b'\0')[0])
        self.assertEqual(manifest['version'], '1.1.0')
        self.assertEqual(get(dist['tarball'])[2], tgz)  # Byte-stable.

    def test_scoped_names_and_missing_packages(self):
        url = self.start()
        for path in ('@scope%2fright', '@scope/right', '@scope%2Fright'):
            status, _, body = get(url + path)
            self.assertEqual(status, 200, path)
            doc = json.loads(body)
            self.assertEqual(doc['dist-tags']['next'], '2.0.0')
            tarball = doc['versions']['2.0.0']['dist']['tarball']
            self.assertTrue(tarball.endswith('/@scope/right/-/right-2.0.0.tgz'))
        self.assertEqual(get(tarball)[0], 200)
        self.assertEqual(get(url + 'nope')[0], 404)
        self.assertEqual(get(url + 'left/-/left-9.9.9.tgz')[0], 404)
        log = json.loads(get(url + '-/skua/requests')[2])
        self.assertIn(['GET', '/nope', 404], log)

    def test_hostile_modes(self):
        for mode in test_registry.HOSTILE_MODES:
            with self.subTest(mode=mode):
                url = self.start(mode)
                dist = json.loads(get(url + 'left')[2])['versions']['1.0.0']['dist']
                tgz = get(dist['tarball'])[2]
                actual = 'sha512-' + base64.b64encode(hashlib.sha512(tgz).digest()).decode()
                if mode in ('bad-integrity', 'truncated'):
                    self.assertNotEqual(actual, dist['integrity'])
                    continue
                self.assertEqual(actual, dist['integrity'])
                names = members(tgz)
                expected = {'traversal': 'package/../../skua-pwned.txt',
                            'absolute': '/tmp/skua-pwned.txt',
                            'symlink': 'package/evil', 'hardlink': 'package/passwd',
                            'bomb': 'package/bomb.bin'}[mode]
                self.assertIn(expected, names)

    def test_per_version_hostile_overrides(self):
        fixture = {'packages': {'x': {'versions': {'1.0.0': {'hostile': 'traversal'},
                                                   '1.0.1': {}}}}}
        url = self.start(fixture=fixture)
        doc = json.loads(get(url + 'x')[2])
        bad = members(get(doc['versions']['1.0.0']['dist']['tarball'])[2])
        good = members(get(doc['versions']['1.0.1']['dist']['tarball'])[2])
        self.assertIn('package/../../skua-pwned.txt', bad)
        self.assertEqual(list(good), ['package/package.json'])

    def test_command_line_prints_url(self):
        with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
            json.dump(FIXTURE, f)
        self.addCleanup(os.unlink, f.name)
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'test_registry.py')
        process = subprocess.Popen([sys.executable, script, f.name], stdout=subprocess.PIPE,
                                   text=True)
        self.addCleanup(process.stdout.close)
        self.addCleanup(process.wait)
        self.addCleanup(process.terminate)
        url = process.stdout.readline().strip()
        self.assertRegex(url, r'^http://127\.0\.0\.1:\d+/$')
        self.assertEqual(get(url + 'left')[0], 200)


if __name__ == '__main__':
    unittest.main()
