// Writes pm/tree/testdata/<case>/: the fixture cases for skua's tree and lockfile
// differential tests. Each case is a root package.json plus a set of packuments; the
// generator serves the packuments from a loopback registry, runs the npm on PATH with
// `install --package-lock-only --ignore-scripts`, and records npm's package-lock.json
// (or its error text when npm refuses, e.g. ERESOLVE).
//
//   node tools/pm/gen_tree_cases.js [outdir]     (default pm/tree/testdata)
//
// Files per case: case.json ({flags, packuments}), package.json, and either
// package-lock.json or npm_error.txt.
//
// Change cases (name starting "change_") start from a lockfile instead: npm first installs
// the root with some versions hidden from the registry (published later, so the lockfile
// is behind it), then runs one change with the whole registry: `install NAME[@SPEC]`,
// `uninstall NAME`, `update NAME`, or an edit of package.json followed by `install`.
// They add package-lock.before.json (npm's first lockfile), and case.json's `change`
// ({explicit, update}: the names npm treats as explicit requests, "folder:name" for a
// workspace's with `-w`, and as updates);
// package.json is what the tree is built with (an added name with the user's spec, as
// npm builds it before saving a range). Tarball URLs point at https://registry.skua.test/,
// which is never contacted: --package-lock-only needs only the packuments. Random cases
// come from a seeded generator, so re-running with the same npm reproduces the files.
'use strict';
const http = require('http');
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const { execFile } = require('child_process');

const kTarballHost = 'https://registry.skua.test/';

function integrity(name, version) {
  return 'sha512-' + crypto.createHash('sha512').update(`${name}@${version}`).digest('base64');
}

// pkgs: {name: {versions: {v: extraFields}, tags?: {tag: v}}} -> full packuments.
function packuments(pkgs) {
  const out = {};
  for (const [name, def] of Object.entries(pkgs)) {
    const versions = {};
    for (const [v, extra] of Object.entries(def.versions)) {
      const base = name.split('/').pop();
      versions[v] = Object.assign({
        name, version: v, license: 'MIT',
        dist: {
          tarball: `${kTarballHost}${name}/-/${base}-${v}.tgz`,
          integrity: integrity(name, v),
        },
      }, extra);
    }
    const tags = Object.assign({ latest: Object.keys(def.versions).pop() }, def.tags || {});
    out[name] = { name, 'dist-tags': tags, versions };
  }
  return out;
}

const V = (deps, extra) => Object.assign(deps ? { dependencies: deps } : {}, extra || {});

// Hand-written cases, one behaviour each.
const handCases = [
  ['simple', { dependencies: { a: '^1.0.0' } },
    { a: { versions: { '1.0.0': V({ b: '^1.0.0' }) } }, b: { versions: { '1.0.0': {}, '1.2.0': {} } } }],
  ['nest_conflict', { dependencies: { a: '1', c: '2' } },
    { a: { versions: { '1.0.0': V({ c: '1' }) } }, c: { versions: { '1.0.0': {}, '2.0.0': {} } } }],
  ['root_gets_highest', { dependencies: { a: '1', b: '^1 || ^2' } },
    { a: { versions: { '1.0.0': V({ b: '^1' }) } }, b: { versions: { '1.0.0': {}, '2.0.0': {} } } }],
  ['shared_hoist', { dependencies: { a: '1', b: '1', c: '1' } },
    { a: { versions: { '1.0.0': V({ x: '1' }) } }, b: { versions: { '1.0.0': V({ x: '^1.0.0' }) } },
      c: { versions: { '1.0.0': V({ x: '2' }) } }, x: { versions: { '1.0.0': {}, '1.1.0': {}, '2.0.0': {} } } }],
  ['deep_chain', { dependencies: { a: '1', e: '1' } },
    { a: { versions: { '1.0.0': V({ b: '1' }) } }, b: { versions: { '1.0.0': V({ c: '1' }) } },
      c: { versions: { '1.0.0': V({ d: '1' }) } }, d: { versions: { '1.0.0': V({ e: '2' }) } },
      e: { versions: { '1.0.0': {}, '2.0.0': V({ f: '1' }) } }, f: { versions: { '1.0.0': {} } } }],
  ['keep_existing', { dependencies: { a: '1', b: '1' } },
    { a: { versions: { '1.0.0': V({ c: '~1.0.0' }) } }, b: { versions: { '1.0.0': V({ c: '^1.0.0' }) } },
      c: { versions: { '1.0.5': {}, '1.9.0': {} } } }],
  ['replace_tag', { dependencies: { a: '1', b: '1' } },
    { a: { versions: { '1.0.0': V({ c: 'legacy' }) } }, b: { versions: { '1.0.0': V({ c: '^1.0.0' }) } },
      c: { versions: { '1.0.0': {}, '1.9.0': {} }, tags: { legacy: '1.0.0' } } }],
  ['cycle', { dependencies: { a: '1' } },
    { a: { versions: { '1.0.0': V({ b: '1' }) } }, b: { versions: { '1.0.0': V({ a: '1' }) } } }],
  ['cycle_conflict', { dependencies: { a: '2' } },
    { a: { versions: { '1.0.0': V({ b: '1' }), '2.0.0': V({ b: '1' }) } }, b: { versions: { '1.0.0': V({ a: '1' }) } } }],
  ['peer_basic', { dependencies: { p: '1' } },
    { p: { versions: { '1.0.0': { peerDependencies: { q: '^1.0.0' } } } }, q: { versions: { '1.0.0': {}, '1.1.0': {}, '2.0.0': {} } } }],
  ['peer_root_provides', { dependencies: { p: '1', q: '1.0.0' } },
    { p: { versions: { '1.0.0': { peerDependencies: { q: '^1.0.0' } } } }, q: { versions: { '1.0.0': {}, '1.1.0': {} } } }],
  ['peer_optional_unmet', { dependencies: { p: '1' } },
    { p: { versions: { '1.0.0': { peerDependencies: { q: '1' }, peerDependenciesMeta: { q: { optional: true } } } } },
      q: { versions: { '1.0.0': {} } } }],
  ['peer_optional_met', { dependencies: { p: '1', q: '1' } },
    { p: { versions: { '1.0.0': { peerDependencies: { q: '1' }, peerDependenciesMeta: { q: { optional: true } } } } },
      q: { versions: { '1.0.0': {} } } }],
  ['peer_conflict_root', { dependencies: { x: '1', y: '1' } },
    { x: { versions: { '1.0.0': { peerDependencies: { z: '1' } } } }, y: { versions: { '1.0.0': { peerDependencies: { z: '2' } } } },
      z: { versions: { '1.0.0': {}, '2.0.0': {} } } }],
  ['peer_conflict_root_legacy', { dependencies: { x: '1', y: '1' } },
    { x: { versions: { '1.0.0': { peerDependencies: { z: '1' } } } }, y: { versions: { '1.0.0': { peerDependencies: { z: '2' } } } },
      z: { versions: { '1.0.0': {}, '2.0.0': {} } } }, ['--legacy-peer-deps']],
  ['peer_conflict_nested', { dependencies: { m: '1', n: '1' } },
    { m: { versions: { '1.0.0': V({ x: '1' }) } }, n: { versions: { '1.0.0': V({ y: '1' }) } },
      x: { versions: { '1.0.0': { peerDependencies: { z: '1' } } } }, y: { versions: { '1.0.0': { peerDependencies: { z: '2' } } } },
      z: { versions: { '1.0.0': {}, '2.0.0': {} } } }],
  ['peer_of_peer', { dependencies: { p: '1' } },
    { p: { versions: { '1.0.0': { peerDependencies: { q: '1' } } } }, q: { versions: { '1.0.0': { peerDependencies: { r: '1' } } } },
      r: { versions: { '1.0.0': V({ s: '1' }) } }, s: { versions: { '1.0.0': {} } } }],
  ['peer_with_deps', { dependencies: { a: '1' } },
    { a: { versions: { '1.0.0': V({ p: '1' }) } }, p: { versions: { '1.0.0': { peerDependencies: { q: '1' } } } },
      q: { versions: { '1.0.0': V({ r: '1' }) } }, r: { versions: { '1.0.0': {} } } }],
  ['peer_basic_legacy', { dependencies: { p: '1' } },
    { p: { versions: { '1.0.0': { peerDependencies: { q: '^1.0.0' } } } }, q: { versions: { '1.0.0': {} } } }, ['--legacy-peer-deps']],
  ['root_peer', { dependencies: { a: '1' }, peerDependencies: { q: '1' } },
    { a: { versions: { '1.0.0': {} } }, q: { versions: { '1.0.0': {} } } }],
  ['optional_no_version', { dependencies: { a: '1' }, optionalDependencies: { o: '^5.0.0' } },
    { a: { versions: { '1.0.0': {} } }, o: { versions: { '1.0.0': {} } } }],
  ['optional_platform', { dependencies: { a: '1' }, optionalDependencies: { w: '1', l: '1' } },
    { a: { versions: { '1.0.0': {} } }, w: { versions: { '1.0.0': { os: ['win32'], cpu: ['x64'] } } },
      l: { versions: { '1.0.0': { os: ['linux'], cpu: ['x64', 'arm64'], libc: ['glibc'] } } } }],
  // npm's --os/--cpu override the platform dependencies are checked against.
  ['platform_flag_allows', { dependencies: { w: '1' } },
    { w: { versions: { '1.0.0': { os: ['win32'], cpu: ['x64'] } } } }, ['--os=win32', '--cpu=x64']],
  ['platform_flag_refuses', { dependencies: { l: '1' } },
    { l: { versions: { '1.0.0': { os: ['linux'] } } } }, ['--os=win32']],
  ['optional_subtree_fail', { dependencies: { a: '1' } },
    { a: { versions: { '1.0.0': { optionalDependencies: { o: '1' } } } }, o: { versions: { '1.0.0': V({ p: '1', q: '1' }) } },
      p: { versions: { '1.0.0': {} } }, q: { versions: { '2.0.0': {} } } }],
  ['optional_nested_flags', { dependencies: { a: '1' }, optionalDependencies: { o: '1' } },
    { a: { versions: { '1.0.0': V({ s: '1' }) } }, o: { versions: { '1.0.0': V({ s: '1', t: '1' }) } },
      s: { versions: { '1.0.0': {} } }, t: { versions: { '1.0.0': {} } } }],
  ['dev_flags', { dependencies: { a: '1' }, devDependencies: { d: '1' }, optionalDependencies: { o: '1' } },
    { a: { versions: { '1.0.0': V({ s: '1' }) } }, d: { versions: { '1.0.0': V({ s: '1', u: '1', w: '1' }) } },
      o: { versions: { '1.0.0': V({ u: '1' }) } }, s: { versions: { '1.0.0': {} } }, u: { versions: { '1.0.0': {} } },
      w: { versions: { '1.0.0': {} } } }],
  ['dep_and_optional', { dependencies: { a: '1' }, optionalDependencies: { a: '1' } },
    { a: { versions: { '1.0.0': {} } } }],
  ['alias_root', { dependencies: { foo: 'npm:bar@^1.0.0', bar: '2' } },
    { bar: { versions: { '1.0.0': V({ baz: '1' }), '2.0.0': {} } }, baz: { versions: { '1.0.0': {} } } }],
  ['alias_nested', { dependencies: { a: '1' } },
    { a: { versions: { '1.0.0': V({ x: 'npm:@s/y@1' }) } }, '@s/y': { versions: { '1.0.0': {}, '1.5.0': {} } } }],
  ['scoped', { dependencies: { '@s/a': '1', '@t/b': '*' } },
    { '@s/a': { versions: { '1.0.0': V({ '@t/b': '1' }) } }, '@t/b': { versions: { '1.0.0': {}, '2.0.0': {} } } }],
  ['dist_tag', { dependencies: { a: 'next', b: 'latest' } },
    { a: { versions: { '1.0.0': {}, '2.0.0-beta.1': {} }, tags: { next: '2.0.0-beta.1' } }, b: { versions: { '1.0.0': {}, '1.1.0': {} } } }],
  ['prerelease', { dependencies: { a: '^1.0.0-0', b: '>=1.0.0' } },
    { a: { versions: { '1.0.0-alpha': {}, '1.0.0-beta': {} }, tags: { latest: '1.0.0-beta' } },
      b: { versions: { '1.0.0': {}, '1.1.0-rc.1': {} }, tags: { latest: '1.0.0' } } }],
  ['metadata_fields', { dependencies: { a: '1' }, license: 'ISC', bin: { r: 'r.js' }, engines: { node: '>=18' } },
    { a: { versions: { '1.0.0': Object.assign(V({ b: '1' }), { bin: 'cli.js', engines: { node: '>=8', npm: '>=6' },
      funding: { type: 'github', url: 'https://github.com/sponsors/x' }, hasInstallScript: true, scripts: { postinstall: 'x' },
      deprecated: 'use c', license: { type: 'Apache-2.0' } }) } },
      b: { versions: { '1.0.0': { license: 'BSD-3-Clause OR MIT', funding: 'https://x.test/f', os: ['!win32'] } } } }],
  ['overrides_basic', { dependencies: { a: '1', b: '1' }, overrides: { c: '1.0.0' } },
    { a: { versions: { '1.0.0': V({ c: '^1.0.0' }) } }, b: { versions: { '1.0.0': V({ c: '1' }) } },
      c: { versions: { '1.0.0': {}, '1.1.0': {} } } }],
  ['overrides_scoped', { dependencies: { a: '1', b: '1' }, overrides: { a: { c: '2.0.0' } } },
    { a: { versions: { '1.0.0': V({ c: '^1.0.0' }) } }, b: { versions: { '1.0.0': V({ c: '1' }) } },
      c: { versions: { '1.0.0': {}, '1.1.0': {}, '2.0.0': {} } } }],
  // Keyed rules apply to edges whose range intersects the key (a's "1.x"), or that are
  // tags (d's "latest"), not to b's "2"; a keyed object rule without "." pins its edges
  // to the key's range (e's ">=1.5.0" becomes "^2.0.0") and scopes its children.
  ['overrides_keyed', { dependencies: { a: '1', b: '1', d: '1', e: '1' },
    overrides: { 'c@^1.0.0': '1.0.0', 'f@^2.0.0': { g: '1.0.0' } } },
    { a: { versions: { '1.0.0': V({ c: '1.x' }) } }, b: { versions: { '1.0.0': V({ c: '2' }) } },
      d: { versions: { '1.0.0': V({ c: 'latest' }) } }, e: { versions: { '1.0.0': V({ f: '>=1.5.0' }) } },
      c: { versions: { '1.0.0': {}, '1.1.0': {}, '2.0.0': {} } },
      f: { versions: { '1.5.0': {}, '2.0.0': V({ g: '2' }), '2.1.0': V({ g: '2' }), '3.0.0': {} } },
      g: { versions: { '1.0.0': {}, '2.0.0': {} } } }],
  // A package is scoped by the rule its edge met, not by its version: h's "^1.0.0" meets
  // "a@1", whose "." then picks a 2.0.0, and a's c is still overridden.
  ['overrides_scope_by_edge', { dependencies: { h: '1' }, overrides: { 'a@1': { '.': '2.0.0', c: '1.0.0' } } },
    { h: { versions: { '1.0.0': V({ a: '^1.0.0' }) } },
      a: { versions: { '1.0.0': V({ c: '^2.0.0' }), '2.0.0': V({ c: '^2.0.0' }) } },
      c: { versions: { '1.0.0': {}, '2.0.0': {} } } }],
  // An override may not change a direct dependency (EOVERRIDE); "$c" names the root's spec.
  ['overrides_direct_conflict', { dependencies: { c: '^1.0.0' }, overrides: { c: '1.0.0' } },
    { c: { versions: { '1.0.0': {}, '1.1.0': {} } } }],
  ['overrides_direct_ref', { dependencies: { a: '1', c: '^1.0.0' }, overrides: { c: '$c' } },
    { a: { versions: { '1.0.0': V({ c: '1.0.0' }) } }, c: { versions: { '1.0.0': {}, '1.1.0': {} } } }],
  ['many_siblings_order', { dependencies: { z: '1', y: '1', '@a/x': '1', B: '1', u_: '1', 'a-b': '1', a_b: '1', 'a.b': '1' } },
    { z: { versions: { '1.0.0': V({ k: '1' }) } }, y: { versions: { '1.0.0': V({ k: '2' }) } }, '@a/x': { versions: { '1.0.0': V({ k: '3' }) } },
      B: { versions: { '1.0.0': {} } }, u_: { versions: { '1.0.0': {} } }, 'a-b': { versions: { '1.0.0': {} } },
      a_b: { versions: { '1.0.0': {} } }, 'a.b': { versions: { '1.0.0': {} } },
      k: { versions: { '1.0.0': {}, '2.0.0': {}, '3.0.0': {} } } }],
  ['file_dep', { dependencies: { local: 'file:./local', a: '1' } },
    { a: { versions: { '1.0.0': {} } } }, [], { 'local/package.json': '{"name":"local","version":"0.1.0","dependencies":{"a":"1"}}\n' }],
  // omit-lockfile-registry-resolved: no `resolved` for what only registry specs reach.
  ['omit_registry_resolved', { dependencies: { local: 'file:./local', a: '1', al: 'npm:b@1' } },
    { a: { versions: { '1.0.0': V({ c: '1' }) } }, b: { versions: { '1.0.0': {} } }, c: { versions: { '1.0.0': {} } } },
    ['--omit-lockfile-registry-resolved'],
    { 'local/package.json': '{"name":"local","version":"0.1.0","dependencies":{"c":"1"}}\n' }],
  // Fields the lockfile copies as written: engines that is not an object of strings, a
  // dependency's own workspaces.
  ['fields_as_written', { dependencies: { a: '1', b: '1', c: '1' } },
    { a: { versions: { '1.0.0': { engines: ['node >= 0.8.0'], workspaces: ['website'] } } },
      b: { versions: { '1.0.0': { engines: { node: '>=4', npm: 6 }, workspaces: [] } } },
      c: { versions: { '1.0.0': { engines: {}, workspaces: { packages: ['p/*'] } } } } }],
  // gatsby's shape: its own dependency on p@5 is placed first, then a sibling's peer set
  // wants p@4 at the root; npm moves p@5 down under g and puts the peers at the root.
  ['peer_set_displaces', { dependencies: { g: '1' } },
    { g: { versions: { '1.0.0': V({ p: '^5.0.0', q: '^5.0.0', e: '^6.0.0' }) } },
      e: { versions: { '6.0.0': { peerDependencies: { p: '^4.0.0', q: '^4.0.0' } } } },
      p: { versions: { '4.0.0': { peerDependencies: { q: '^4.0.0' } }, '5.0.0': { peerDependencies: { q: '^5.0.0' } } } },
      q: { versions: { '4.0.0': {}, '5.0.0': {} } } }],
  // @redwoodjs/graphql-server's @envelop shape: s pins c@5.0.1; e's optional peer wants
  // c@4 and replaces it at the root, then d's peer wants c@5 back. npm takes e's group
  // out of the root when d's c replaces it (prunePeerSets), so the two settle: c@4 at the
  // root, c@5 and d nested under s.
  ['peer_groups_take_turns', { dependencies: { s: '1' } },
    { s: { versions: { '1.0.0': V({ c: '5.0.1', d: '4.0.0', e: '2.0.0' }) } },
      d: { versions: { '4.0.0': { peerDependencies: { c: '^5.0.0' } } } },
      e: { versions: { '2.0.0': { peerDependencies: { c: '^4.0.0' }, peerDependenciesMeta: { c: { optional: true } } } } },
      c: { versions: { '4.0.3': {}, '5.0.1': {}, '5.6.1': {} } } }],
  // A replaced node's node_modules move to its replacement (arborist's Node#replace):
  // z's c@1.1.0 replaces the root's c@1.0.0 and keeps c/node_modules/k@1.0.0, which it
  // accepts (placed afresh it would be k@1.5.0)...
  ['replace_keeps_children', { dependencies: { c: '^1.0.0', k: '2', z: '1' } },
    { c: { versions: { '1.0.0': V({ k: '1.0.0' }), '1.1.0': V({ k: '^1.0.0' }) }, tags: { latest: '1.0.0' } },
      k: { versions: { '1.0.0': {}, '1.5.0': {}, '2.0.0': {} } }, z: { versions: { '1.0.0': V({ c: '1.1.0' }) } } }],
  // ...and a kept child that the root's copy now serves is deduped.
  ['replace_dedupes_children', { dependencies: { c: '^1.0.0', k: '2', z: '1' } },
    { c: { versions: { '1.0.0': V({ k: '1' }), '1.1.0': V({ k: '1 || 2' }) }, tags: { latest: '1.0.0' } },
      k: { versions: { '1.0.0': {}, '2.0.0': {} } }, z: { versions: { '1.0.0': V({ c: '1.1.0' }) } } }],
  // @trpc/react-query's shape: t brings in its peer rd@latest, whose peer r@19 conflicts
  // with the root's r@18. The peer group reaches t through q, which the root depends on:
  // npm counts it as the project's (ERESOLVE), not a warning.
  ['peer_group_reentry_is_mine', { dependencies: { q: '^4.0.0', t: '^10.0.0', r: '^18.0.0' } },
    { q: { versions: { '4.0.0': { peerDependencies: { r: '^18 || ^19', rd: '^18 || ^19' },
      peerDependenciesMeta: { rd: { optional: true } } } } },
      t: { versions: { '10.0.0': { peerDependencies: { q: '^4.0.0', r: '>=16.8.0', rd: '>=16.8.0' } } } },
      rd: { versions: { '18.3.1': { peerDependencies: { r: '^18.3.1' } }, '19.3.1': { peerDependencies: { r: '^19.3.1' } } } },
      r: { versions: { '18.3.1': {}, '19.3.1': {} } } }],
  // The root's bundleDependencies: npm marks what they bring along `inBundle` (the
  // bundled package, its dependencies placed beside it or below it) and installs them.
  ['root_bundles', { dependencies: { a: '1', b: '1', d: '2' }, bundleDependencies: ['a'] },
    { a: { versions: { '1.0.0': V({ c: '^1.0.0', d: '1' }) } }, b: { versions: { '1.0.0': V({ c: '^1.0.0' }) } },
      c: { versions: { '1.0.0': {} } }, d: { versions: { '1.0.0': {}, '2.0.0': {} } } }],
  // Workspaces: links at node_modules/<name>, each folder's dependencies hoisted to the
  // root where they fit and nested in the workspace's own node_modules where they do not.
  ['workspaces_basic', { dependencies: { b: '^2.0.0' }, workspaces: ['packages/*', 'other/q', 'missing/*'] },
    { b: { versions: { '1.0.0': {}, '2.0.0': {} } }, c: { versions: { '1.0.0': V({ b: '^1.0.0' }) } },
      d: { versions: { '1.0.0': { bin: { dd: 'cli.js' } } } } }, [],
    { 'packages/a/package.json': '{"name":"a","version":"1.0.0","dependencies":{"b":"^1.0.0","c":"1"},"devDependencies":{"d":"1"}}\n',
      'packages/z/package.json': '{"name":"@x/zz","version":"0.1.0","dependencies":{"a":"^1.0.0"},"bin":{"zz":"z.js"}}\n',
      'packages/nopkg/README': 'no package.json here\n',
      'other/q/package.json': '{"name":"q","version":"2.0.0","license":"ISC"}\n' }],
  ['workspaces_object', { workspaces: { packages: ['libs/*'] }, devDependencies: { x: '1' } },
    { x: { versions: { '1.0.0': V({ y: '1' }) } }, y: { versions: { '1.0.0': {}, '2.0.0': {} } } }, [],
    { 'libs/one/package.json': '{"version":"1.0.1","dependencies":{"y":"2"}}\n',
      'libs/two/package.json': '{"name":"two","version":"3.0.0","optionalDependencies":{"y":"1"},"peerDependencies":{"x":"1"}}\n' }],
  ['workspaces_root_dep', { dependencies: { a: '^1.0.0', k: '1' }, workspaces: ['ws/a', 'ws/b'] },
    { k: { versions: { '1.0.0': {}, '2.0.0': {} } }, m: { versions: { '1.0.0': V({ k: '2' }) } } }, [],
    { 'ws/a/package.json': '{"name":"a","version":"1.2.0","dependencies":{"k":"2","b":"*"}}\n',
      'ws/b/package.json': '{"name":"b","version":"1.0.0","dependencies":{"m":"1","k":"2"}}\n' }],
  ['workspaces_conflict', { workspaces: ['p/*'] },
    { k: { versions: { '1.0.0': V({ j: '1' }), '2.0.0': V({ j: '2' }) } }, j: { versions: { '1.0.0': {}, '2.0.0': {} } },
      w: { versions: { '1.0.0': {}, '2.0.0': {} } }, pp: { versions: { '1.0.0': { peerDependencies: { k: '*' } } } },
      y: { versions: { '2.0.0': V({ j: '^1.0.0' }) } } }, [],
    { 'p/x/package.json': '{"name":"x","version":"1.0.0","dependencies":{"k":"1","pp":"1"}}\n',
      'p/y/package.json': '{"name":"y","version":"1.0.0","dependencies":{"k":"2","x":"^1.0.0"}}\n',
      'p/z/package.json': '{"name":"z","version":"1.0.0","dependencies":{"w":"2","y":"^2.0.0"},"devDependencies":{"j":"2"}}\n',
      'p/v/package.json': '{"name":"v","version":"1.0.0","dependencies":{"w":"1","k":"1"}}\n' }],
  // A peer conflict under a workspace is an ERESOLVE, as it is under the root.
  ['workspaces_peer_conflict', { workspaces: ['p/*'] },
    { x: { versions: { '1.0.0': {}, '2.0.0': {} } }, y: { versions: { '1.0.0': { peerDependencies: { x: '2' } } } } }, [],
    { 'p/w/package.json': '{"name":"w","version":"1.0.0","dependencies":{"x":"1","y":"1"}}\n' }],
  ['indent_tabs', { dependencies: { a: '1' } }, { a: { versions: { '1.0.0': {} } } }, [], {}, '\t'],
  ['indent_four', { dependencies: { a: '1' } }, { a: { versions: { '1.0.0': {} } } }, [], {}, '    '],
];

// Seeded random cases: a small universe of packages with a few versions each, random
// dependency ranges that always have a match, occasional peers and optionals.
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function randomCase(seed) {
  const r = rng(seed);
  const pick = (arr) => arr[Math.floor(r() * arr.length)];
  const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', '@s/i', 'j'].slice(0, 5 + Math.floor(r() * 5));
  const allVersions = ['1.0.0', '1.1.0', '1.2.3', '2.0.0', '2.1.0', '3.0.0'];
  const pkgs = {};
  for (const n of names) {
    const vs = allVersions.filter(() => r() < 0.55);
    if (!vs.length) vs.push('1.0.0');
    pkgs[n] = { versions: {} };
    for (const v of vs) pkgs[n].versions[v] = {};
  }
  const rangeFor = (n) => {
    const v = pick(Object.keys(pkgs[n].versions));
    const [maj, min] = v.split('.');
    return pick([`^${v}`, `~${maj}.${min}.0`, `${maj}`, `${v}`, '*', `>=${v}`, `^${maj}.0.0 || ^${Number(maj) + 1}.0.0`]);
  };
  // Dependencies point only "forward" in the name list half of the time, so cycles
  // appear but are not the norm.
  names.forEach((n, i) => {
    for (const v of Object.keys(pkgs[n].versions)) {
      const m = pkgs[n].versions[v];
      const count = Math.floor(r() * 3.2);
      for (let k = 0; k < count; k++) {
        const target = r() < 0.8 ? names[i + 1 + Math.floor(r() * (names.length - i - 1))] : pick(names);
        if (!target || target === n) continue;
        const kind = r();
        const field = kind < 0.08 ? 'peerDependencies' : kind < 0.14 ? 'optionalDependencies' : 'dependencies';
        (m[field] = m[field] || {})[target] = rangeFor(target);
      }
    }
  });
  return pkgs;
}

function randomCases(count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const seed = 1000 + i * 7919;
    const pkgs = randomCase(seed);
    const names = Object.keys(pkgs);
    const root = { dependencies: {} };
    const rr = rng(seed ^ 0x5bd1e995);
    const n = 2 + Math.floor(rr() * 3);
    for (let k = 0; k < n; k++) {
      const name = names[Math.floor(rr() * names.length)];
      const vs = Object.keys(pkgs[name].versions);
      const v = vs[Math.floor(rr() * vs.length)];
      const spec = rr() < 0.5 ? `^${v}` : v.split('.')[0];
      if (rr() < 0.2) (root.devDependencies = root.devDependencies || {})[name] = spec;
      else root.dependencies[name] = spec;
    }
    out.push([`random_${String(i).padStart(2, '0')}`, root, pkgs]);
  }
  return out;
}

// Hand-written change cases: [name, root, pkgs, change]; change = {hidden, args,
// requested, update, edit, files, workspace} (see runCase).
function changeCases() {
  const C = (name, root, pkgs, change) => [name, root, pkgs, [], {}, '  ', change];
  const W = (name, root, pkgs, files, change) => [name, root, pkgs, [], files, '  ', change];
  return [
    // The lockfile's nested copy stays nested although nothing at the root needs it now.
    C('change_add_keeps_nesting', { dependencies: { a: '1', s: '1' } },
      { a: { versions: { '1.0.0': V({ p: '^1.0.0' }) } }, s: { versions: { '1.0.0': V({ p: '^2.0.0' }) } },
        p: { versions: { '1.0.0': {}, '2.0.0': {} } }, t: { versions: { '1.0.0': {}, '5.0.0': {} } } },
      { args: ['install', 't@5.0.0'], requested: { t: '5.0.0' } }),
    // A locked version within range stays although a newer one was published.
    C('change_add_keeps_locked', { dependencies: { a: '1' } },
      { a: { versions: { '1.0.0': V({ b: '^1.0.0' }) } }, b: { versions: { '1.0.0': {}, '1.5.0': {} } },
        c: { versions: { '1.0.0': V({ b: '^1.0.0' }) } } },
      { hidden: { b: ['1.5.0'] }, args: ['install', 'c'], requested: { c: '*' } }),
    // An explicit request replaces a locked copy that satisfies it.
    C('change_add_existing_name', { dependencies: { a: '1' } },
      { a: { versions: { '1.0.0': V({ b: '^1.0.0' }) } }, b: { versions: { '1.0.0': {}, '1.5.0': {} } } },
      { hidden: { b: ['1.5.0'] }, args: ['install', 'b'], requested: { b: '*' } }),
    C('change_remove_prunes', { dependencies: { a: '1', b: '1' } },
      { a: { versions: { '1.0.0': V({ c: '1' }) } }, b: { versions: { '1.0.0': V({ c: '2', d: '1' }) } },
        c: { versions: { '1.0.0': {}, '2.0.0': {} } }, d: { versions: { '1.0.0': {} } } },
      { args: ['uninstall', 'a'] }),
    // What a removal leaves nested stays nested: npm does not hoist it again.
    C('change_remove_keeps_nested', { dependencies: { a: '^1.0.0', b: '^2.0.0' } },
      { a: { versions: { '1.0.0': V({ b: '^1.0.0' }) } }, b: { versions: { '1.0.1': {}, '2.0.0': {} } } },
      { args: ['uninstall', 'b'] }),
    // Workspaces: the lockfile's links and their folders, a folder's package.json edited.
    W('change_ws_edit_folder', { workspaces: ['p/*'], dependencies: { a: '1' } },
      { a: { versions: { '1.0.0': V({ x: '^1.0.0' }) } }, x: { versions: { '1.0.0': {}, '1.1.0': {}, '2.0.0': {} } },
        y: { versions: { '1.0.0': V({ x: '2' }) } } },
      { 'p/w/package.json': '{"name":"w","version":"1.0.0","dependencies":{"x":"1"}}\n' },
      { hidden: { x: ['1.1.0'] }, files: { 'p/w/package.json': '{"name":"w","version":"1.0.0","dependencies":{"x":"1","y":"1"}}\n' } }),
    W('change_ws_root_add', { workspaces: ['p/*'], dependencies: { a: '1' } },
      { a: { versions: { '1.0.0': V({ x: '^1.0.0' }) } }, x: { versions: { '1.0.0': {}, '1.1.0': {}, '2.0.0': {} } } },
      { 'p/w/package.json': '{"name":"w","version":"1.0.0","dependencies":{"x":"^1.0.0"}}\n',
        'p/v/package.json': '{"name":"v","version":"1.0.0","devDependencies":{"w":"1"}}\n' },
      { hidden: { x: ['1.1.0', '2.0.0'] }, args: ['install', 'x@2'], requested: { x: '2' } }),
    W('change_ws_update', { workspaces: ['p/*'], dependencies: { a: '1' } },
      { a: { versions: { '1.0.0': V({ x: '^1.0.0' }) } }, x: { versions: { '1.0.0': {}, '1.1.0': {}, '2.0.0': {} } } },
      { 'p/w/package.json': '{"name":"w","version":"1.0.0","dependencies":{"x":"~1.0.0 || 2"}}\n' },
      { hidden: { x: ['1.1.0', '2.0.0'] }, args: ['update', 'x'], update: ['x'] }),
    // `install -w`: the request is the workspace's; the root's copy that fits is replaced.
    W('change_ws_add_existing', { workspaces: ['p/*'], dependencies: { a: '1' } },
      { a: { versions: { '1.0.0': V({ x: '^1.0.0' }) } }, x: { versions: { '1.0.0': {}, '1.1.0': {} } } },
      { 'p/w/package.json': '{"name":"w","version":"1.0.0"}\n' },
      { hidden: { x: ['1.1.0'] }, args: ['install', 'x@^1.0.0', '-w', 'p/w'], requested: { x: '^1.0.0' }, workspace: 'p/w' }),
    C('change_update_deep', { dependencies: { a: '1', b: '1' } },
      { a: { versions: { '1.0.0': V({ c: '^1.0.0' }) } }, b: { versions: { '1.0.0': V({ c: '~1.0.0' }) } },
        c: { versions: { '1.0.0': {}, '1.0.5': {}, '1.2.0': {} } } },
      { hidden: { c: ['1.0.5', '1.2.0'] }, args: ['update', 'c'], update: ['c'] }),
    C('change_edit_range', { dependencies: { a: '1', b: '1' } },
      { a: { versions: { '1.0.0': V({ c: '^1.0.0' }) } }, b: { versions: { '1.0.0': {}, '2.0.0': V({ c: '^1.1.0' }) } },
        c: { versions: { '1.0.0': {}, '1.1.0': {} } } },
      { hidden: { c: ['1.1.0'] }, edit: { dependencies: { a: '1', b: '2' } } }),
  ];
}

// Random change cases: a random registry whose newest versions are hidden at first
// with probability 0.4, and one change picked by the seed.
function randomChangeCases(count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const seed = 5000 + i * 104729;
    const pkgs = randomCase(seed);
    const names = Object.keys(pkgs);
    const rr = rng(seed ^ 0x2545f491);
    const pick = (arr) => arr[Math.floor(rr() * arr.length)];
    const hidden = {};
    for (const n of names) {
      const vs = Object.keys(pkgs[n].versions);
      if (vs.length > 1 && rr() < 0.4) hidden[n] = [vs[vs.length - 1]];
    }
    const root = { dependencies: {} };
    const n = 2 + Math.floor(rr() * 3);
    for (let k = 0; k < n; k++) {
      const name = pick(names);
      const vs = Object.keys(pkgs[name].versions).filter((v) => !(hidden[name] || []).includes(v));
      root.dependencies[name] = `^${pick(vs)}`;
    }
    const deps = Object.keys(root.dependencies);
    const others = names.filter((x) => !deps.includes(x));
    const kind = Math.floor(rr() * 4);
    let change;
    if (kind === 0 && others.length) {
      const name = pick(others);
      const v = pick(Object.keys(pkgs[name].versions));
      change = rr() < 0.5 ? { args: ['install', name], requested: { [name]: '*' } }
        : { args: ['install', `${name}@^${v}`], requested: { [name]: `^${v}` } };
    } else if (kind === 1 && deps.length > 1) {
      change = { args: ['uninstall', pick(deps)] };
    } else if (kind === 2) {
      const name = pick(names);
      change = { args: ['update', name], update: [name] };
    } else {
      const edited = { ...root.dependencies };
      const name = pick(names);
      edited[name] = `^${pick(Object.keys(pkgs[name].versions))}`;
      change = { edit: { dependencies: edited } };
    }
    change.hidden = hidden;
    change.random = true;
    out.push([`change_random_${String(i).padStart(2, '0')}`, root, pkgs, [], {}, '  ', change]);
  }
  return out;
}

// One packument per line keeps the file small and its diffs readable.
function caseJson(flags, files, docs) {
  const lines = Object.values(docs).map((d) => '  ' + JSON.stringify(d));
  return `{"flags": ${JSON.stringify(flags)}, "files": ${JSON.stringify(files)}, "packuments": [\n${lines.join(',\n')}\n]}\n`;
}

async function serve(docs) {
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(req.url.slice(1).split('?')[0]);
    if (docs[name]) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(docs[name]));
    } else {
      res.statusCode = 404;
      res.end('{"error":"Not found"}');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return server;
}

// Runs npm with `args` in `work` against a registry serving `docs`; its stderr when it fails.
async function runNpm(work, docs, args, flags) {
  const server = await serve(docs);
  const port = server.address().port;
  const all = [...args, '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund',
    `--registry=http://127.0.0.1:${port}/`, `--cache=${path.join(work, '.cache')}`,
    `--userconfig=${path.join(work, '.npmrc-user')}`, '--loglevel=error', ...flags];
  let error = null;
  try {
    await new Promise((ok, fail) => {
      execFile('npm', all, { cwd: work, encoding: 'utf8' }, (err, stdout, stderr) => {
        if (err) fail(Object.assign(err, { stderr })); else ok();
      });
    });
  } catch (e) {
    error = e.stderr;
  }
  server.close();
  return error;
}

// pkgs without the versions `hidden` lists ({name: [version]}), tags following.
function withoutVersions(pkgs, hidden) {
  const out = {};
  for (const [name, def] of Object.entries(pkgs)) {
    const versions = Object.fromEntries(Object.entries(def.versions).filter(([v]) => !(hidden[name] || []).includes(v)));
    if (Object.keys(versions).length) out[name] = { versions };
  }
  return out;
}

async function runCase(outdir, [name, rootDeps, pkgs, flags = [], files = {}, indent = '  ', change = null]) {
  const docs = packuments(pkgs);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'skua-tree-'));
  const root = Object.assign({ name: 'root', version: '1.0.0' }, rootDeps);
  let pkgJson = JSON.stringify(root, null, indent) + '\n';
  fs.writeFileSync(path.join(work, 'package.json'), pkgJson);
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(work, f)), { recursive: true });
    fs.writeFileSync(path.join(work, f), text);
  }
  // An empty user config: the machine's ~/.npmrc must not change npm's output.
  fs.writeFileSync(path.join(work, '.npmrc-user'), '');
  let error = null;
  let before = null;
  let changeJson = null;
  if (change) {
    error = await runNpm(work, packuments(withoutVersions(pkgs, change.hidden || {})), ['install'], flags);
    if (error !== null) {
      fs.rmSync(work, { recursive: true, force: true });
      // A random registry's hidden version may be the only match of some range.
      if (change.random) return null;
      throw new Error(`${name}: the first install failed:\n${error}`);
    }
    before = fs.readFileSync(path.join(work, 'package-lock.json'), 'utf8');
    for (const [f, text] of Object.entries(change.files || {})) fs.writeFileSync(path.join(work, f), text);
    if (change.edit) fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify(Object.assign({ name: 'root', version: '1.0.0' }, change.edit), null, indent) + '\n');
    error = await runNpm(work, docs, change.args || ['install'], flags);
    // The tree is built with the spec the user gave; npm saves a range afterwards. With
    // `-w`, the workspace's package.json has it, and its text after the change is the
    // folder's in case.json.
    const edited = change.workspace ? `${change.workspace}/package.json` : 'package.json';
    const after = JSON.parse(fs.readFileSync(path.join(work, edited), 'utf8'));
    for (const [dep, spec] of Object.entries(change.requested || {})) {
      for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
        if (after[field] && dep in after[field]) after[field][dep] = spec;
      }
    }
    if (change.workspace) {
      change.files = Object.assign({}, change.files, { [edited]: JSON.stringify(after) + '\n' });
      pkgJson = fs.readFileSync(path.join(work, 'package.json'), 'utf8');
    } else {
      pkgJson = JSON.stringify(after, null, indent) + '\n';
    }
    // An explicit request is the root's ("name") or a workspace's ("folder:name").
    const prefix = change.workspace ? `${change.workspace}:` : '';
    changeJson = { explicit: Object.keys(change.requested || {}).map((n) => prefix + n), update: change.update || [] };
  } else {
    error = await runNpm(work, docs, ['install'], flags);
  }
  const dir = path.join(outdir, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // A change's files are the folders' package.json as the tree is built with them.
  let json = caseJson(flags, Object.assign({}, files, (change && change.files) || {}), docs);
  if (changeJson) json = json.replace(/^\{/, `{"change": ${JSON.stringify(changeJson)}, `);
  fs.writeFileSync(path.join(dir, 'case.json'), json);
  fs.writeFileSync(path.join(dir, 'package.json'), pkgJson);
  if (before !== null) fs.writeFileSync(path.join(dir, 'package-lock.before.json'), before);
  if (error !== null) {
    // Keep the lines that explain the failure; drop npm's log-file pointer, which names a
    // temporary path.
    const text = error.split('\n').filter((l) => !/complete log|A complete log|\/tmp\//.test(l)).join('\n');
    fs.writeFileSync(path.join(dir, 'npm_error.txt'), text);
  } else {
    fs.copyFileSync(path.join(work, 'package-lock.json'), path.join(dir, 'package-lock.json'));
  }
  fs.rmSync(work, { recursive: true, force: true });
  return error === null;
}

async function main() {
  const outdir = process.argv[2] || path.join(__dirname, '..', '..', 'pm', 'tree', 'testdata');
  fs.mkdirSync(outdir, { recursive: true });
  const cases = handCases.concat(randomCases(30), changeCases(), randomChangeCases(40));
  const names = [];
  for (const c of cases) {
    const ok = await runCase(outdir, c);
    if (ok === null) {
      process.stderr.write(`${c[0]}: skipped (the first install fails)\n`);
      continue;
    }
    names.push(c[0]);
    process.stderr.write(`${c[0]}: ${ok ? 'ok' : 'npm error'}\n`);
  }
  fs.writeFileSync(path.join(outdir, 'cases.txt'), names.join('\n') + '\n');
}

main();
