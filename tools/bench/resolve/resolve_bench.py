#!/usr/bin/env python3
"""Resolution benchmark: `skua resolve --batch` vs node's require.resolve on the same list.

Generates a node_modules tree (plain, "main", "exports" with conditions and patterns,
scoped and nested packages) and 10,000 specifiers into a temp directory, then times one
process resolving them all with each tool, alternating runs, and prints median/min wall
time and the ratio. Results are checked equal first.
Usage: tools/bench/resolve/resolve_bench.py [--skua PATH] [--packages N] [--specifiers N] [--runs N]"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time


def write(path, text=''):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)


def generate(root, packages, count):
    rng = random.Random(42)
    nm = os.path.join(root, 'node_modules')
    specs = []
    for i in range(packages):
        shape = i % 5
        name = f'@scope{i % 7}/pkg{i}' if i % 9 == 0 else f'pkg{i}'
        d = os.path.join(nm, name)
        if shape == 0:  # Plain: index.js and deep files.
            write(os.path.join(d, 'index.js'))
            for j in range(3):
                write(os.path.join(d, 'lib', f'f{j}.js'))
            specs += [name, f'{name}/lib/f{rng.randrange(3)}']
        elif shape == 1:  # "main" into a directory.
            write(os.path.join(d, 'package.json'), json.dumps({'name': name, 'main': 'dist'}))
            write(os.path.join(d, 'dist', 'index.js'))
            specs += [name]
        elif shape == 2:  # Conditional exports with patterns.
            write(os.path.join(d, 'package.json'), json.dumps({'name': name, 'exports': {
                '.': {'import': './esm/index.mjs', 'require': './cjs/index.js'},
                './feature/*': {'require': './cjs/feature/*.js', 'default': './esm/feature/*.mjs'},
                './package.json': './package.json'}}))
            write(os.path.join(d, 'cjs', 'index.js'))
            write(os.path.join(d, 'esm', 'index.mjs'))
            for j in range(4):
                write(os.path.join(d, 'cjs', 'feature', f'x{j}.js'))
            specs += [name, f'{name}/feature/x{rng.randrange(4)}', f'{name}/package.json']
        elif shape == 3:  # String exports and a nested dependency.
            write(os.path.join(d, 'package.json'), json.dumps({'name': name, 'exports': './main.js'}))
            write(os.path.join(d, 'main.js'))
            write(os.path.join(d, 'node_modules', 'nested-dep', 'index.js'))
            specs += [name]
        else:  # File requests by extension search.
            write(os.path.join(d, 'a.js'))
            write(os.path.join(d, 'b.json'), '{}')
            write(os.path.join(d, 'index.js'))
            specs += [f'{name}/a', f'{name}/b', name]
    app = os.path.join(root, 'app', 'src')
    write(os.path.join(app, 'main.js'))
    builtins = ['fs', 'path', 'node:fs', 'util', 'node:events']
    result = []
    while len(result) < count:
        r = rng.random()
        result.append(rng.choice(builtins) if r < 0.05 else rng.choice(specs))
    return app, result


def measure(command, runs, cwd):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return times


NODE_SCRIPT = r'''
const fs = require('fs');
const { createRequire } = require('module');
const list = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const req = createRequire(process.argv[3] + '/noop.js');
const out = [];
for (const s of list) out.push(s + '\t' + req.resolve(s));
if (process.argv[4] === 'print') process.stdout.write(out.join('\n') + '\n');
'''


def main():
    root_dir = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    parser = argparse.ArgumentParser()
    parser.add_argument('--skua', default=os.path.join(root_dir, 'bazel-bin', 'skua'))
    parser.add_argument('--node', default='/usr/bin/node')
    parser.add_argument('--packages', type=int, default=2000)
    parser.add_argument('--specifiers', type=int, default=10000)
    parser.add_argument('--runs', type=int, default=10)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = os.path.realpath(tmp)
        app, specs = generate(tmp, args.packages, args.specifiers)
        spec_file = os.path.join(tmp, 'specs.json')
        with open(spec_file, 'w') as f:
            json.dump(specs, f)
        script = os.path.join(tmp, 'resolve.js')
        with open(script, 'w') as f:
            f.write(NODE_SCRIPT)
        skua_cmd = [args.skua, 'resolve', '--batch', spec_file, '--from', app]
        node_cmd = [args.node, script, spec_file, app]

        skua_out = subprocess.run(skua_cmd, capture_output=True, text=True).stdout
        node_out = subprocess.run(node_cmd + ['print'], capture_output=True, text=True).stdout
        if skua_out != node_out:
            diff = [(a, b) for a, b in zip(skua_out.splitlines(), node_out.splitlines()) if a != b][:5]
            print('results differ from node:', diff, file=sys.stderr)
            return 1
        print(f'{len(specs)} specifiers over {args.packages} packages; results identical to node')

        results = {'skua': [], 'node': []}
        for _ in range(args.runs):  # Alternate so machine noise hits both alike.
            results['skua'] += measure(skua_cmd, 1, tmp)
            results['node'] += measure(node_cmd, 1, tmp)
        node_median = statistics.median(results['node'])
        for name in ('skua', 'node'):
            t = results[name]
            print(f'{name:5} median {statistics.median(t):8.1f} ms   min {min(t):8.1f} ms   '
                  f'ratio to node {statistics.median(t) / node_median:5.2f}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
