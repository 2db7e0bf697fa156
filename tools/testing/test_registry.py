#!/usr/bin/env python3
"""A loopback npm registry for skua's package-manager tests (Python 3 standard library only).

Usage:
    test_registry.py FIXTURE.json [--port 0] [--hostile MODE]
                     [--tls-cert PEM --tls-key PEM [--client-ca PEM]]

Listens on 127.0.0.1 (port 0 = any free port), prints its base URL ("http://127.0.0.1:PORT/",
"https://..." with --tls-cert) as the first line of stdout, then serves until killed.
With --client-ca, a client must present a certificate that CA signed (mutual TLS). Tests read that line; never a fixed
port. Import it to run the server in-process: `RegistryServer(fixture, hostile=None)`.

Fixture format (JSON):

    {
      "modified": "2024-01-01T00:00:00.000Z",        // optional: Last-Modified of every packument
      "packages": {
        "<name or @scope/name>": {
          "dist-tags": {"latest": "1.1.0"},           // optional; default: latest = highest
                                                      //   listed version without a prerelease
          "versions": {
            "1.0.0": {
              "manifest": {...},                      // optional: extra package.json fields
                                                      //   (dependencies, bin, engines, os,
                                                      //   scripts, deprecated, ...), copied into
                                                      //   the packument and the tarball's
                                                      //   package.json
              "files": {                              // optional: tarball content besides the
                "index.js": "module.exports = 1;\\n",  //   generated package.json; a string, or
                "bin/cli.js": {"content": "...", "mode": 493}  // {"content", "mode"}
              },
              "time": "2020-01-01T00:00:00.000Z",     // optional: publish time (full packument)
              "hostile": "traversal"                  // optional: overrides --hostile for this
            }                                         //   version
          }
        }
      }
    }

Endpoints:
    GET /<name>   (scoped: /@scope%2fname or /@scope/name)
        the full packument; the abbreviated ("corgi") one when Accept contains
        application/vnd.npm.install-v1+json. ETag and Last-Modified on both; If-None-Match /
        If-Modified-Since give 304. Unknown package: 404 {"error": "Not found"}.
    GET /<name>/-/<unscoped-name>-<version>.tgz
        the tarball (gzip'd tar, entries under "package/", fixed mtimes: byte-stable).
    GET /-/skua/requests
        JSON list of [method, path, status] for every request so far (for assertions such as
        "the second install made no packument requests").

Hostile modes (global --hostile, or per version "hostile"). Unless noted, the packument's
`integrity`/`shasum` match the served (hostile) bytes, so only the extraction rules stop it:
    bad-integrity  serves a tarball different from the one the integrity describes
    truncated      serves the first half of the tarball (integrity is of the whole)
    traversal      adds "package/../../skua-pwned.txt"
    absolute       adds "/tmp/skua-pwned.txt"
    symlink        adds a symlink "package/evil" -> "/etc" and a file "package/evil/skua-pwned"
    hardlink       adds a hardlink "package/passwd" -> "/etc/passwd"
    bomb           adds "package/bomb.bin": 64 MiB of zeros (about 64 KiB compressed)
"""

import argparse
import email.utils
import gzip
import hashlib
import base64
import io
import json
import re
import ssl
import sys
import tarfile
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOSTILE_MODES = ('bad-integrity', 'truncated', 'traversal', 'absolute', 'symlink', 'hardlink',
                 'bomb')
CORGI = 'application/vnd.npm.install-v1+json'
NPM_EPOCH = 499162500  # npm pack's fixed mtime (1985-10-26).
# Fields npm's abbreviated documents keep per version.
CORGI_FIELDS = ('name', 'version', 'dependencies', 'optionalDependencies', 'devDependencies',
                'peerDependencies', 'peerDependenciesMeta', 'bundleDependencies', 'bin',
                'directories', 'engines', 'os', 'cpu', 'deprecated', 'hasInstallScript',
                '_hasShrinkwrap', 'dist')
INSTALL_SCRIPTS = ('preinstall', 'install', 'postinstall')


def version_key(version):
    """Sort key for plain semver strings: numeric core, releases above prereleases."""
    core, _, pre = version.partition('-')
    nums = tuple(int(p) if p.isdigit() else 0 for p in core.split('.'))
    return nums, pre == '', pre


def _add(tar, name, data=b'', mode=0o644, kind=tarfile.REGTYPE, link=''):
    info = tarfile.TarInfo(name)
    info.mtime = NPM_EPOCH
    info.mode = mode
    info.type = kind
    info.linkname = link
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    tar.addfile(info, io.BytesIO(data) if kind == tarfile.REGTYPE else None)


def build_tarball(manifest, files, hostile=None):
    """The gzip'd tarball of a version: package.json + files (+ hostile additions)."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode='w', format=tarfile.PAX_FORMAT) as tar:
        _add(tar, 'package/package.json', json.dumps(manifest, indent=2).encode() + b'\n')
        for path, spec in sorted(files.items()):
            if isinstance(spec, str):
                spec = {'content': spec}
            _add(tar, 'package/' + path, spec.get('content', '').encode(), spec.get('mode', 0o644))
        if hostile == 'traversal':
            _add(tar, 'package/../../skua-pwned.txt', b'pwned\n')
        elif hostile == 'absolute':
            _add(tar, '/tmp/skua-pwned.txt', b'pwned\n')
        elif hostile == 'symlink':
            _add(tar, 'package/evil', kind=tarfile.SYMTYPE, link='/etc', mode=0o777)
            _add(tar, 'package/evil/skua-pwned', b'pwned\n')
        elif hostile == 'hardlink':
            _add(tar, 'package/passwd', kind=tarfile.LNKTYPE, link='/etc/passwd')
        elif hostile == 'bomb':
            _add(tar, 'package/bomb.bin', bytes(64 << 20))
    return gzip.compress(raw.getvalue(), compresslevel=6, mtime=0)


def integrity_of(data):
    return 'sha512-' + base64.b64encode(hashlib.sha512(data).digest()).decode()


class Registry:
    """Packuments and tarballs generated once from a fixture; shared by handler threads."""

    def __init__(self, fixture, hostile=None):
        if hostile is not None and hostile not in HOSTILE_MODES:
            raise ValueError(f'unknown hostile mode {hostile!r}; one of {HOSTILE_MODES}')
        self.fixture = fixture
        self.hostile = hostile
        self.base_url = ''
        self.requests = []
        self.lock = threading.Lock()
        self.modified = fixture.get('modified', '2024-01-01T00:00:00.000Z')
        self.tarballs = {}  # URL path -> served bytes
        self.docs = {}      # name -> (full, corgi) dicts, built once base_url is known

    def tarball_path(self, name, version):
        return f'/{name}/-/{name.split("/")[-1]}-{version}.tgz'

    def build(self, base_url):
        self.base_url = base_url.rstrip('/')
        for name, package in self.fixture.get('packages', {}).items():
            versions = package.get('versions', {})
            full_versions, corgi_versions, times = {}, {}, {}
            for version, spec in versions.items():
                manifest = {'name': name, 'version': version, **spec.get('manifest', {})}
                hostile = spec.get('hostile', self.hostile)
                honest = build_tarball(manifest, spec.get('files', {}), None)
                served = build_tarball(manifest, spec.get('files', {}), hostile)
                advertised = served
                if hostile == 'bad-integrity':
                    advertised = honest
                    served = build_tarball(manifest, {**spec.get('files', {}),
                                                      'injected.js': 'tampered'}, None)
                elif hostile == 'truncated':
                    advertised = honest
                    served = honest[:len(honest) // 2]
                path = self.tarball_path(name, version)
                self.tarballs[path] = served
                doc = dict(manifest)
                scripts = manifest.get('scripts', {})
                if any(s in scripts for s in INSTALL_SCRIPTS):
                    doc['hasInstallScript'] = True
                doc['dist'] = {
                    'tarball': self.base_url + path,
                    'integrity': integrity_of(advertised),
                    'shasum': hashlib.sha1(advertised).hexdigest(),
                }
                full_versions[version] = doc
                corgi_versions[version] = {k: doc[k] for k in CORGI_FIELDS if k in doc}
                times[version] = spec.get('time', self.modified)
            tags = package.get('dist-tags')
            if tags is None:
                stable = [v for v in versions if '-' not in v] or list(versions)
                tags = {'latest': max(stable, key=version_key)} if stable else {}
            full = {'_id': name, 'name': name, 'dist-tags': tags, 'versions': full_versions,
                    'time': {'created': self.modified, 'modified': self.modified, **times}}
            corgi = {'name': name, 'dist-tags': tags, 'modified': self.modified,
                     'versions': corgi_versions}
            self.docs[name] = (full, corgi)

    def log(self, method, path, status):
        with self.lock:
            self.requests.append([method, path, status])


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    server_version = 'skua-test-registry/1'
    # Headers and body leave in two writes; with Nagle on, the body waited for the
    # client's delayed ACK (~40 ms) on every keep-alive request.
    disable_nagle_algorithm = True

    def log_message(self, *args):  # Quiet: tests read stdout/stderr.
        pass

    def setup(self):
        # The handshake runs here, in the connection's thread, not in the accept loop.
        if isinstance(self.request, ssl.SSLSocket):
            self.request.do_handshake()
        super().setup()

    @property
    def registry(self):
        return self.server.registry

    def send(self, status, body=b'', content_type='application/json', headers=()):
        self.send_response(status)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(body)))
        for key, value in headers:
            self.send_header(key, value)
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)
        self.registry.log(self.command, self.path, status)

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        path = urllib.parse.urlsplit(self.path).path
        if path == '/-/skua/requests':
            with self.registry.lock:
                body = json.dumps(self.registry.requests).encode()
            self.send_response(200)
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if path in self.registry.tarballs:
            self.send(200, self.registry.tarballs[path], 'application/octet-stream')
            return
        name = urllib.parse.unquote(path.lstrip('/'))
        if not re.fullmatch(r'(@[^/]+/)?[^/@][^/]*', name) or name not in self.registry.docs:
            self.send(404, b'{"error":"Not found"}')
            return
        full, corgi = self.registry.docs[name]
        wants_corgi = CORGI in self.headers.get('Accept', '')
        body = json.dumps(corgi if wants_corgi else full).encode()
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'
        modified = email.utils.format_datetime(
            email.utils.parsedate_to_datetime(_http_date(self.registry.modified)), usegmt=True)
        headers = [('ETag', etag), ('Last-Modified', modified), ('Cache-Control', 'max-age=300'),
                   ('Vary', 'Accept')]
        if self._not_modified(etag, modified):
            self.send_response(304)
            for key, value in headers:
                self.send_header(key, value)
            self.send_header('Content-Length', '0')
            self.end_headers()
            self.registry.log(self.command, self.path, 304)
            return
        self.send(200, body, CORGI if wants_corgi else 'application/json', headers)

    def _not_modified(self, etag, modified):
        match = self.headers.get('If-None-Match')
        if match is not None:
            return any(tag.strip().removeprefix('W/') == etag for tag in match.split(','))
        since = self.headers.get('If-Modified-Since')
        if since:
            try:
                return (email.utils.parsedate_to_datetime(since) >=
                        email.utils.parsedate_to_datetime(modified))
            except (TypeError, ValueError):
                return False
        return False


def _http_date(iso):
    """ISO 8601 (as npm writes times) -> RFC 2822 date string."""
    from datetime import datetime
    moment = datetime.fromisoformat(iso.replace('Z', '+00:00'))
    return email.utils.format_datetime(moment, usegmt=True)


class RegistryServer(ThreadingHTTPServer):
    """The server bound to 127.0.0.1 on `port` (0: any free port); `.url` is its base URL."""

    daemon_threads = True
    # socketserver's default backlog of 5 dropped the SYNs of a client opening many
    # connections at once, which then waited 1 s, 3 s, 7 s ... to retry them.
    request_queue_size = 128

    def __init__(self, fixture, hostile=None, port=0, tls=None):
        """`tls`: {'cert': PEM file, 'key': PEM file, 'client_ca': PEM file or None}."""
        super().__init__(('127.0.0.1', port), Handler)
        self.registry = Registry(fixture, hostile)
        scheme = 'http'
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(tls['cert'], tls['key'])
            if tls.get('client_ca'):
                context.verify_mode = ssl.CERT_REQUIRED
                context.load_verify_locations(tls['client_ca'])
            self.socket = context.wrap_socket(self.socket, server_side=True,
                                              do_handshake_on_connect=False)
            scheme = 'https'
        self.url = f'{scheme}://127.0.0.1:{self.server_address[1]}/'
        self.registry.build(self.url)

    def handle_error(self, request, client_address):
        # A client refused in the handshake (no or a wrong certificate) is expected.
        if isinstance(sys.exc_info()[1], (ssl.SSLError, ConnectionError)):
            return
        super().handle_error(request, client_address)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('fixture')
    parser.add_argument('--port', type=int, default=0)
    parser.add_argument('--hostile', choices=HOSTILE_MODES)
    parser.add_argument('--tls-cert')
    parser.add_argument('--tls-key')
    parser.add_argument('--client-ca')
    args = parser.parse_args()
    with open(args.fixture, encoding='utf-8') as f:
        fixture = json.load(f)
    tls = None
    if args.tls_cert:
        tls = {'cert': args.tls_cert, 'key': args.tls_key, 'client_ca': args.client_ca}
    server = RegistryServer(fixture, args.hostile, args.port, tls)
    print(server.url, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == '__main__':
    sys.exit(main())
