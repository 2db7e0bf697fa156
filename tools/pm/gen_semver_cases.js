#!/usr/bin/env node
// Generates pm/semver/testdata/node_semver_cases.json: what node-semver 7 (npm's semver)
// answers for thousands of versions, ranges and (version, range) pairs, for skua's
// differential test (pm/semver/differential_test.cc).
//
//   npm install --prefix /tmp/semver-ref semver@7
//   node tools/pm/gen_semver_cases.js /tmp/semver-ref/node_modules/semver \
//       > pm/semver/testdata/node_semver_cases.json
//
// The inputs are a hand-picked list of edge cases plus pseudo-random ones from a fixed
// seed, so re-running with the same semver release reproduces the file byte for byte.
'use strict';

const path = require('path');
const semverDir = path.resolve(process.argv[2] || '/tmp/semver-ref/node_modules/semver');
const semver = require(semverDir);
const semverVersion = require(path.join(semverDir, 'package.json')).version;

// Mulberry32: small, seedable, good enough to spread inputs.
let seed = 0x5eed;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;

// Versions: parse in both modes, coerce, clean.
const curatedVersions = [
  '1.2.3', 'v1.2.3', '=1.2.3', ' =v 1.2.3 ', '\t1.2.3\n', '\u00a01.2.3\u3000', 'v=1.2.3',
  '1.2.3-alpha', '1.2.3-alpha.1', '1.2.3-alpha.beta', '1.2.3-0', '1.2.3-0.3.7', '1.2.3-x.7.z.92',
  '1.2.3-01', '1.2.3-alpha.01', '1.2.3beta', '1.2.3-beta+build', '1.2.3+build.1.2', '1.2.3+b..c',
  '1.2.3-', '1.2.3-.x', '1.2.3--', '1.2.3---a', '1.2.3-a-b', '1.2.3-+b', '1.2.3+', '1.2.3-a.',
  '1.2.34.5', '1.2.3.4', '1.2', '1', '', ' ', 'a.b.c', '01.2.3', '1.02.3', '1.2.03', '00.00.00',
  '9007199254740991.0.0', '9007199254740992.0.0', '0.0.9007199254740991', '1.2.3-9007199254740991',
  '1.2.3-9007199254740992', '1.2.3-99999999999999999999', '1.2.3-99999999999999999998',
  '99999999999999999999.0.0', '1.2.3 4', '1.2.3 -beta', '>1.2.3', '~1.2.3', '1.2.x',
  '1.2.3-ALPHA', '1.2.3-Alpha.1', '1.2.3-a.b.c.d.e.f', 'V1.2.3', 'vv1.2.3', '=v=1.2.3',
  '1.2.3-rc.1+sha.abc', '0.0.0', '0.0.0-0', '10.20.30', '1.0.0-alpha.beta.1', '1.0.0-1.alpha',
  '1.2.3-a\u00e9', '1.2.3-\u00e9', '1.2.3+\u00e9', '1.' + '1'.repeat(300) + '.1', 'x.y.z',
  '1.2.3-0a', '1.2.3-00a', '1.2.3-a00', '1.2.3-0.0', '1.2.3-00', '3.4.5-', 'v 1.2.3', '= 1.2.3',
  '1.2.3rc1', '1.2.3-rc1', '1.2.31-a', '12.34.56-7.8', '1.2.3\u00a0', 'v1.2.3-beta.2+exp.sha',
];

function randomVersion() {
  let v = '';
  if (chance(0.1)) v += pick(['v', '=', ' ', 'v=', '= ']);
  v += [0, 1, 2].map(() => pick(['0', '1', '2', '3', '10', '01', '00', '999'])).join('.');
  if (chance(0.4)) {
    v += pick(['-', '-', '-', '']);
    const ids = [];
    const n = 1 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) ids.push(pick(['alpha', 'beta', 'rc', '0', '1', '2', '10', '01', 'x-y', '-', 'a1', '1a', 'B']));
    v += ids.join('.');
  }
  if (chance(0.2)) v += '+' + pick(['build', 'b.1', '001', 'sha-abc', 'x..y', '']);
  return v;
}

// Character soup: short strings over the grammar's alphabet find the regex corners.
function soup(alphabet, maxLength) {
  const n = 1 + Math.floor(random() * maxLength);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(alphabet);
  return s;
}
const versionAlphabet = [...'0012399..........--++vv= xab'];
const rangeAlphabet = [...'00123999........xX*--++ <>==~^||va'];

const versionInputs = [...curatedVersions];
while (versionInputs.length < 600) versionInputs.push(randomVersion());
while (versionInputs.length < 900) versionInputs.push(soup(versionAlphabet, 14));
const uniqueVersions = [...new Set(versionInputs)];

const orNull = (f) => { try { const r = f(); return r === undefined ? null : r; } catch { return null; } };
const versions = uniqueVersions.map((v) => ({
  in: v,
  strict: orNull(() => semver.valid(v)),
  loose: orNull(() => semver.valid(v, true)),
  clean: orNull(() => semver.clean(v, true)),
  coerce: orNull(() => { const c = semver.coerce(v); return c ? c.version : null; }),
}));

// Ordering: every pair of a sample of loosely valid versions, as '<', '=' or '>'.
const orderSample = [...new Set(uniqueVersions.filter((v) => semver.valid(v, true)))].slice(0, 100);
const sign = (n) => (n < 0 ? '<' : n > 0 ? '>' : '=');
let compare = '';
let compareBuild = '';
for (const a of orderSample) {
  for (const b of orderSample) {
    compare += sign(semver.compare(a, b, true));
    compareBuild += sign(semver.compareBuild(a, b, true));
  }
}

// Ranges: parse in four modes, satisfies against a fixed version list, max/minSatisfying.
const curatedRanges = [
  '', ' ', '*', 'x', 'X', '* ', '**', 'x.x', 'x.x.x', '1.x', '1.X', '1.*', '1.x.x', '1.2.x', '1.2.*',
  '1', '1.2', '1.2.3', '=1.2.3', 'v1.2.3', '=v1.2.3', 'v=1.2.3', '==1.2.3', '1.x.2', 'x.1', '1.*.3',
  '>1', '>1.2', '>1.2.3', '>=1', '>=1.2', '>=1.2.3', '<1', '<1.2', '<1.2.3', '<=1', '<=1.2', '<=1.2.3',
  '> 1.2.3', '>= 1.2.3', '< 1.2.3', '<= 1.2.3', '=1', '= 1', '>*', '<*', '>=*', '<=*', '>x', '<x.x',
  '~1.2.3', '~1.2', '~1', '~0', '~0.0', '~>1.2.3', '~> 1.2.3', '~ 1.2.3', '~1.2.3-beta.2', '~*', '~x',
  '~1.x', '~1.2.x', '~v1.2.3', '~=1.2.3', '~ 1', '~>1', '~> 1', '~>>1', '~ ~1', '~>=1.2',
  '^1.2.3', '^1.2', '^1', '^0.2.3', '^0.2', '^0.0.3', '^0.0', '^0.x', '^0', '^0.0.x', '^0.0.0',
  '^1.2.3-beta.2', '^0.0.3-beta', '^0.1.2-beta', '^ 1.2.3', '^*', '^x', '^1.x', '^1.2.x', '^v1.2.3',
  '^00.1.2', '^0.01.2', '^1.2.3+build', '^ 1', '^^1', '^~1', '~^1', '^=1.2.3',
  '1.2.3 - 2.3.4', '1.2 - 2.3.4', '1.2.3 - 2.3', '1.2.3 - 2', '1 - 2', '* - 2', '1.2.3 - *',
  '1.2.3-beta - 2.3.4-rc', '1.2.3 -2.3.4', '1.2.3- 2.3.4', '1.2.3  -  2.3.4', '1 - 2 - 3',
  'v1.2.3 - v2.3.4', '=1.2.3 - =2', '1.2.3+b - 2.3.4+c', '1.x - 2.x', '1.2.3 - 2.x.x', 'x - x',
  '>=1.2.3 <2.0.0', '>=1.2.3 <2', '>1.2 <1.5', '>=1.2.3 || <1.0.0', '1.2.3 || 2.3.4', '1 || 2 || 3',
  '1.2.3||2.3.4', '||', '1||', '||1', '*||1', '1 ||', '<0.0.0-0', '<0.0.0-0 || 1', '<0.0.0-0 || <0.0.0-0',
  '>=0.0.0', '>=0.0.0-0', '>=0.0.0 1', '>= 0.0.0', '>=0.0.0 <1', '>=1.2.3 >=1.2.3', '1 1', '1.2.3 1.2.3',
  '>=1.2.3 <*', '* >=1', '>=1 *', 'x >=1', '1.2.3 x', '<1.2.3 >2.0.0', '>2 <1', '>=1 <=1', '>1 <=1',
  '1.2.3-alpha', '1.2.3-alpha.1 - 1.2.3-alpha.10', '>1.2.3-alpha.3', '>=1.2.3-alpha <1.2.4',
  '1.2.3beta', '>=1.2.3beta', '1.2.3-01', '01.2.3', '1.02', '>=01', '^1.2.3beta', '~1.2.3beta',
  'latest', 'next', 'beta', '1.2.3 foo', 'foo 1.2.3', 'a || 1', '1 || a', '>=a', '~a', '^a',
  '1.2.3 - a', 'a - 1.2.3', 'git+https://x', 'file:./x', '1.2.3.4', '1.2.34.5', '>1.2.34.5',
  '>=9007199254740991', '^9007199254740991', '~9007199254740991.1', '9007199254740991.x',
  '>=99999999999999999999', '^99999999999999999999', '1e+21.x', '>=1.2.3-9007199254740992',
  '\t^1.2.3\n', '^1.2.3\u00a0|| 2', '1.2.3 <\u00a02', '>=\t1.2.3', '> =1.2.3', '>= =1.2.3',
  '<=>1', '!1', '!=1', '=<1', '=>1', '>=<1', '<>1', '1.2.3 +build', '+build', '1.2.3-+',
  '1.2.3 -beta', '1.2.3 - ', ' - 1.2.3', '-', '1.2.3--', '1.2.3-', '1.2.3-.x', '>1.2.3-',
  '*.1', '*.*.1', '1.2.3-x.y - 2', '~1.2.3 - 2', '^1 - 2', '1.2 - ^2', '>=1 - 2',
  '1.0.0 - 2.0.0 || >3.0.0 <=4.0.0-rc.1 || 5.x || ~6.1', '>=1.0.0-rc.1 <1.0.0 || ^2.0.0-0',
  'v1', 'v1.x', '=1.x', '=*', 'v*', '<=v1.2', 'X.X', '1.2.X', '>=1.2.X', '<=1.X', '<1.x.x', '>1.x',
];

const fragments = {
  ops: ['', '', '', '=', '<', '<=', '>', '>=', '~', '~>', '^', 'v', '>= ', '~ ', '^ ', '<= ', '= '],
  parts: ['0', '1', '2', '3', '10', 'x', 'X', '*', '01', '0'],
  pre: ['-alpha', '-beta.1', '-0', '-rc.1', 'beta', '-alpha.01', '-1', '-x.y'],
  build: ['+build', '+b.1', '+001'],
};
function randomPartial() {
  const n = 1 + Math.floor(random() * 3);
  let v = [];
  for (let i = 0; i < n; i++) v.push(pick(fragments.parts));
  v = v.join('.');
  if (n === 3 && chance(0.25)) v += pick(fragments.pre);
  if (chance(0.08)) v += pick(fragments.build);
  return v;
}
function randomComparatorSet() {
  if (chance(0.15)) return randomPartial() + pick([' - ', ' - ', '  -  ', ' -', '- ']) + randomPartial();
  const n = 1 + Math.floor(random() * 2);
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(pick(fragments.ops) + randomPartial());
  return parts.join(pick([' ', ' ', '  ', '\t']));
}
function randomRange() {
  const n = chance(0.75) ? 1 : 2 + Math.floor(random() * 2);
  const sets = [];
  for (let i = 0; i < n; i++) sets.push(randomComparatorSet());
  return sets.join(pick([' || ', '||', ' ||', '|| ']));
}

const rangeInputs = [...curatedRanges];
while (rangeInputs.length < 1000) rangeInputs.push(randomRange());
while (rangeInputs.length < 1400) rangeInputs.push(soup(rangeAlphabet, 16));
const uniqueRanges = [...new Set(rangeInputs)];

// The versions every range is tested against: releases and prereleases around the
// numbers the ranges use, loose-only spellings, and invalid strings.
const satVersions = [];
for (const M of [0, 1, 2, 3, 10]) {
  for (const m of [0, 1, 2, 3]) {
    for (const p of [0, 1, 3]) satVersions.push(`${M}.${m}.${p}`);
  }
}
satVersions.push(
  '1.2.3-alpha', '1.2.3-alpha.1', '1.2.3-alpha.3', '1.2.3-beta.2', '1.2.3-beta.4', '1.2.3-rc.1',
  '1.2.3-0', '1.2.4-beta', '1.2.4-0', '2.0.0-0', '2.0.0-alpha', '2.3.4-rc', '1.0.0-rc.1',
  '0.0.3-beta', '0.0.3-beta.1', '0.1.2-beta', '0.0.0-0', '3.0.0-x', '10.0.0-1', '1.2.3-01',
  'v1.2.3', '=1.2.3', '1.2.3beta', '01.2.3', ' 1.2.3 ', '1.2.3+build', '9007199254740991.0.0',
  '', 'x', '1.2', 'not.a.version', '1.2.3.4');

function rangeRow(r) {
  const modes = [{}, { loose: true }, { includePrerelease: true }, { loose: true, includePrerelease: true }];
  const row = { in: r, valid: modes.map((o) => orNull(() => semver.validRange(r, o))) };
  let sat = '';
  for (const v of satVersions) {
    let bits = 0;
    modes.forEach((o, i) => { if (orNull(() => semver.satisfies(v, r, o))) bits |= 1 << i; });
    sat += bits.toString(16);
  }
  row.sat = /^0+$/.test(sat) ? '' : sat;  // '' when nothing matches in any mode.
  row.max = modes.map((o) => orNull(() => semver.maxSatisfying(satVersions, r, o)));
  row.min = modes.map((o) => orNull(() => semver.minSatisfying(satVersions, r, o)));
  return row;
}

// Intersections: pairs of ranges (the loosely valid ones above, plus pairs that npm's
// keyed overrides meet), one hex digit of the four modes' answers as for `sat`.
const validRanges = uniqueRanges.filter((r) => orNull(() => semver.validRange(r, true)) !== null);
const intersectPairs = [
  ['^1.0.0', '1.x'], ['^1.0.0', '2'], ['>=1.5.0', '^2.0.0'], ['1.2.3', '^1.0.0'], ['1.2.3', '1.2.4'],
  ['<0.0.0-0', '*'], ['<0.0.0', '*'], ['1.2.3-beta', '*'], ['1.2.3-beta', '^1.2.3-alpha'],
  ['>1.0.0 <1.0.0', '*'], ['<=1.0.0', '>=1.0.0'], ['<1.0.0', '>=1.0.0'], ['>=1.2.3 <2', '1.x || >=3'],
  ['~1.2.3', '>=1.2.4 <1.3.0'], ['', ''], ['*', '1.0.0-rc.1'], ['>=0.0.0-0', '<0.0.0-0'],
];
while (intersectPairs.length < 1500) intersectPairs.push([pick(validRanges), pick(validRanges)]);
function intersectRow([a, b]) {
  const modes = [{}, { loose: true }, { includePrerelease: true }, { loose: true, includePrerelease: true }];
  let bits = 0;
  modes.forEach((o, i) => { if (orNull(() => semver.intersects(a, b, o))) bits |= 1 << i; });
  return { in: [a, b], i: bits.toString(16) };
}

const out = {
  generator: 'tools/pm/gen_semver_cases.js',
  semver: semverVersion,
  note: 'sat: one hex digit per satVersions entry; bit 0 default, 1 loose, 2 includePrerelease, 3 both',
  versions,
  order: { versions: orderSample, compare, compareBuild },
  satVersions,
  ranges: uniqueRanges.map(rangeRow),
  intersects: intersectPairs.map(intersectRow),
};
// One row per line keeps diffs of regenerated data readable.
const lines = JSON.stringify(out, null, 0)
  .replace(/,\{"in"/g, ',\n{"in"')
  .replace(/\[\{"in"/g, '[\n{"in"');
process.stdout.write(lines + '\n');
