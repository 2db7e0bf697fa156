#!/usr/bin/env node
// Generates pm/spec/testdata/npa_cases.json: how npm's own npm-package-arg and
// validate-npm-package-name classify dependency specs, command-line arguments and
// package names, for pm/spec/dep_spec_test.cc.
//
//   node tools/pm/gen_spec_cases.js [npm's node_modules folder] \
//       > pm/spec/testdata/npa_cases.json
//
// The folder defaults to the one of the npm on PATH. File paths are resolved from the
// fixed folder /project so the output does not depend on where it runs.
'use strict';

const path = require('path');
const { execSync } = require('child_process');
const modules = process.argv[2] ||
  path.join(execSync('npm root -g').toString().trim(), 'npm', 'node_modules');
const npa = require(path.join(modules, 'npm-package-arg'));
const validate = require(path.join(modules, 'validate-npm-package-name'));
const npaVersion = require(path.join(modules, 'npm-package-arg', 'package.json')).version;
const where = '/project';

const specs = [
  // Registry.
  ['a', '1.2.3'], ['a', 'v1.2.3'], ['a', '=1.2.3'], ['a', ' 1.2.3 '], ['a', '^1.2.3'], ['a', '~1'],
  ['a', ''], ['a', '*'], ['a', 'x'], ['a', '>=1 <2 || 3'], ['a', '1.2.3 - 2'], ['a', 'latest'],
  ['a', 'next'], ['a', 'beta-2'], ['a', 'my tag'], ['a', 'tag%'], ['a', 'tag!'], ['a', '@tag'],
  ['@s/p', '1'], ['@s/p', 'canary'], ['a', '1.2.3beta'], ['a', '01.2.3'],
  // Aliases.
  ['a', 'npm:b@1'], ['a', 'npm:b'], ['a', 'NPM:b@^2'], ['a', 'npm:@s/b@latest'], ['a', 'npm:b@npm:c@1'],
  ['a', 'npm:./dir'], ['a', 'npm:github:u/r'], ['a', 'npm:@1.2.3'], ['a', 'npm:B@1'],
  // Files and directories.
  ['a', 'file:../x'], ['a', 'file:x.tgz'], ['a', 'file:./x.tar.gz'], ['a', 'file:/abs/dir'],
  ['a', 'file://abs/dir'], ['a', 'file:/../rel'], ['a', 'file:///../rel'], ['a', './x'], ['a', '../x'],
  ['a', '/abs/x'], ['a', 'x.tgz'], ['a', 'X.TAR'], ['a', 'dir/x.tar.gz'], ['a', 'FILE:x'],
  ['a', 'file:x%20y'], ['a', '.'], ['a', 'file:.'], ['a', 'C:\\x'],
  // Remote.
  ['a', 'https://example.test/a.tgz'], ['a', 'http://example.test/a/-/a-1.0.0.tgz'],
  ['a', 'ftp://example.test/a.tgz'], ['a', 'link:../x'], ['a', 'workspace:*'], ['a', 'foo:bar'],
  // Git.
  ['a', 'github:u/r'], ['a', 'u/r'], ['a', 'u/r#v1.0.0'], ['a', 'u/r#semver:^1.0.0'],
  ['a', 'github:u/r#semver:^1::path:pkg/sub'], ['a', 'gitlab:group/r'], ['a', 'bitbucket:u/r'],
  ['a', 'gist:11081aaa281'], ['a', 'git+https://github.com/u/r.git'], ['a', 'git+https://github.com/u/r.git#main'],
  ['a', 'https://github.com/u/r'], ['a', 'https://github.com/u/r.git#abc'], ['a', 'https://github.com/u/r/archive/v1.tar.gz'],
  ['a', 'git://github.com/u/r.git#v1'], ['a', 'git+ssh://git@github.com:u/r.git#v1'], ['a', 'git+ssh://git@github.com/u/r.git'],
  ['a', 'git@github.com:u/r.git'], ['a', 'git+ssh://git@example.test:u/r.git#v2'], ['a', 'git+ssh://git@example.test:22/r.git'],
  ['a', 'git+https://example.test/r.git#semver:~1.2'], ['a', 'git://example.test/r.git'], ['a', 'git+file:///srv/r.git'],
  ['a', 'ssh://git@gitlab.com/group/r.git'], ['a', 'https://gitlab.com/group/sub/r'], ['a', 'https://bitbucket.org/u/r'],
  ['a', 'u/r/extra'], ['a', '@s/r'], ['a', 'github:u/r#a::b'], ['a', 'github:u/r#semver:1::semver:2'],
  ['a', 'git+https://example.test/r.git#path:sub'], ['a', 'git@example.test:u/r.git'],
  // Bad names.
  ['.a', '1'], ['_a', '1'], ['A', '1'], ['a b', '1'], ['@s/.p', '1'], ['node_modules', '1'], ['-a', '1'],
];

const args = [
  'lodash', 'lodash@4', 'lodash@', '@s/p', '@s/p@next', './dir', '../x.tgz', 'x.tgz', 'u/r', 'github:u/r',
  'git@github.com:u/r.git', 'git@example.test:u/r.git', 'https://example.test/x.tgz', 'Foo', 'foo bar',
  '@s/p@npm:q@1', 'a@npm:b', '@', 'a@b@c', 'fs', 'a@1.2.3 - 2', '/abs', 'file:x', 'a@file:x',
];

const names = [
  'a', 'some-package', 'example.com', 'under_score', 'period.js', '123numeric', 'crazy!', '@npm/thingy',
  '@npm-zors/money!time.js', '', '.start-with-period', '_start-with-underscore', '-start-with-hyphen',
  'contain:colons', ' leading-space', 'trailing-space ', 's/l/a/s/h/e/s', 'node_modules', 'favicon.ico',
  'http', 'fs/promises', 'process', 'ifyouwanttogetthesumoftwonumberswherethosetwonumbersarechosenbyfindingthelargestoftwooutofthreenumbersandsquaringthemwhichismultiplyingthembyitselfthenyoushouldinputthreenumbersintothisfunctionanditwilldothatforyou-',
  'CAPITAL-LETTERS', '@scope/.name', '@scope/name', '@scope/Name', '@/name', '@scope/', '@scope', 'ümlaut',
  'a~b', "a'b", '@s/a~b', '@s~x/b', 'a%20b', 'a@b', '.', '..', '@s/..', 'Node_Modules',
];

function describe(res) {
  const out = { type: res.type, name: res.name ?? null, fetchSpec: res.fetchSpec ?? null };
  if (res.type === 'git') {
    out.gitCommittish = res.gitCommittish ?? null;
    out.gitRange = res.gitRange ?? null;
    out.gitSubdir = res.gitSubdir ?? null;
    out.hosted = res.hosted ? res.hosted.type : null;
  }
  if (res.type === 'alias') out.subSpec = describe(res.subSpec);
  return out;
}

function run(f) {
  try {
    return describe(f());
  } catch (e) {
    return { error: e.message };
  }
}

const out = {
  generator: 'tools/pm/gen_spec_cases.js',
  npmPackageArg: npaVersion,
  where,
  specs: specs.map(([name, spec]) => ({ name, spec, ...run(() => npa.resolve(name, spec, where)) })),
  args: args.map((arg) => ({ arg, ...run(() => npa(arg, where)) })),
  names: names.map((name) => {
    const v = validate(name);
    return { name, errors: v.errors || [], warnings: v.warnings || [] };
  }),
};
process.stdout.write(JSON.stringify(out, null, 0).replace(/,\{"(name|arg)"/g, ',\n{"$1"') + '\n');
