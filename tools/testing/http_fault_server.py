#!/usr/bin/env python3
"""A loopback HTTP server with scripted faults, for pm/registry's client tests (Python 3
standard library only). Prints its base URL ("http://127.0.0.1:PORT") as the first line of
stdout, then serves until killed. Port 0 (any free port) unless --port is given.

Paths are /<mode>/<name>; a packument for <name> is served unless the mode says otherwise:
    ok          200 with ETag + Last-Modified and `Cache-Control: no-cache`; conditional
                requests that match get 304
    fresh       like ok, with `Cache-Control: max-age=300`
    bare        200 with no ETag, Last-Modified or Cache-Control (as some mirrors answer)
    fail500xN   the first N requests for the path get 500, later ones behave as ok
    retryafter  the first request gets 429 with `Retry-After: 1`, later ones as ok
    gzip        like ok, gzip-encoded when the request accepts gzip
    missing     404 {"error": "Not found"}
    auth        401 unless `Authorization: Bearer secret`, then as ok
    slow        waits 3 s, then as ok
    closefirst  the first request's connection is closed without a response
    bytes       <name> is a byte count: that many deterministic bytes (a fake tarball)
GET /-/requests returns the request log: one object per request with path, status,
the client port (one per connection) and the request headers tests look at.
"""

import argparse
import gzip
import hashlib
import json
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LAST_MODIFIED = 'Mon, 01 Jan 2024 00:00:00 GMT'
LOGGED_HEADERS = ('authorization', 'accept', 'accept-encoding', 'if-none-match',
                  'if-modified-since', 'user-agent')


class State:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {}
        self.log = []

    def count(self, path):
        with self.lock:
            self.counts[path] = self.counts.get(path, 0) + 1
            return self.counts[path]


def packument(name, base):
    tarball = f'{base}/bytes/1000'
    return {
        'name': name,
        'modified': '2024-01-01T00:00:00.000Z',
        'dist-tags': {'latest': '1.0.0'},
        'versions': {'1.0.0': {'name': name, 'version': '1.0.0',
                               'dist': {'tarball': tarball, 'shasum': '0' * 40}}},
    }


def fake_bytes(n):
    block = hashlib.sha512(b'skua').digest()
    return (block * (n // len(block) + 1))[:n]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    wbufsize = 1 << 16  # One send() per response: no Nagle + delayed-ACK stalls.

    def log_message(self, *args):
        pass

    def reply(self, status, body=b'', headers=()):
        self.send_response(status)
        for key, value in headers:
            self.send_header(key, value)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)
        self.record(status)

    def record(self, status):
        entry = {'path': self.path, 'status': status, 'port': self.client_address[1]}
        for key in LOGGED_HEADERS:
            if self.headers.get(key) is not None:
                entry[key] = self.headers.get(key)
        with self.server.state.lock:
            self.server.state.log.append(entry)

    def do_GET(self):
        state = self.server.state
        if self.path == '/-/requests':
            with state.lock:
                body = json.dumps(state.log).encode()
            self.send_response(200)
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        parts = self.path.split('/', 2)
        if len(parts) < 3:
            return self.reply(404, b'{"error":"Not found"}')
        mode, name = parts[1], urllib.parse.unquote(parts[2])
        count = state.count(self.path)
        if mode == 'bytes':
            return self.reply(200, fake_bytes(int(name)), [('Content-Type', 'application/octet-stream')])
        if mode == 'missing':
            return self.reply(404, b'{"error":"Not found"}', [('Content-Type', 'application/json')])
        if mode.startswith('fail500x') and count <= int(mode[8:]):
            return self.reply(500, b'{"error":"boom"}')
        if mode == 'retryafter' and count == 1:
            return self.reply(429, b'', [('Retry-After', '1')])
        if mode == 'auth' and self.headers.get('Authorization') != 'Bearer secret':
            return self.reply(401, b'{"error":"authentication required"}')
        if mode == 'slow':
            time.sleep(3)
        if mode == 'closefirst' and count == 1:
            self.record(0)
            self.close_connection = True
            self.connection.shutdown(2)
            return
        body = json.dumps(packument(name, self.server.url)).encode()
        if mode == 'bare':
            return self.reply(200, body, [('Content-Type', 'application/json')])
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'
        headers = [('Content-Type', 'application/vnd.npm.install-v1+json'), ('ETag', etag),
                   ('Last-Modified', LAST_MODIFIED),
                   ('Cache-Control', 'max-age=300' if mode == 'fresh' else 'no-cache')]
        if (self.headers.get('If-None-Match') == etag or
                self.headers.get('If-Modified-Since') == LAST_MODIFIED):
            return self.reply(304, b'', headers)
        if mode == 'gzip' and 'gzip' in self.headers.get('Accept-Encoding', ''):
            body = gzip.compress(body)
            headers.append(('Content-Encoding', 'gzip'))
        self.reply(200, body, headers)


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def __init__(self, port=0):
        super().__init__(('127.0.0.1', port), Handler)
        self.state = State()
        self.url = f'http://127.0.0.1:{self.server_address[1]}'


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--port', type=int, default=0)
    args = parser.parse_args()
    server = FaultServer(args.port)
    print(server.url, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == '__main__':
    sys.exit(main())
