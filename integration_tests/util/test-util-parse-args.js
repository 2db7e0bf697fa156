'use strict';
// util.parseArgs: short/long options, groups, inline values, defaults, tokens, strict errors.
const assert = require('assert');
const { parseArgs } = require('util');

const options = {
  verbose: { type: 'boolean', short: 'v' },
  out: { type: 'string', short: 'o' },
  tag: { type: 'string', multiple: true, default: ['x'] },
  level: { type: 'string', default: '1' },
};
const { values, positionals } = parseArgs({
  args: ['-vofile', '--tag', 'a', '--tag=b', 'pos', '--', '--not-an-option'],
  options,
  allowPositionals: true,
});
assert.deepStrictEqual({ ...values }, { verbose: true, out: 'file', tag: ['a', 'b'], level: '1' });
assert.deepStrictEqual(positionals, ['pos', '--not-an-option']);

const { tokens } = parseArgs({ args: ['-v', '--out', 'f'], options, tokens: true });
assert.deepStrictEqual(tokens, [
  { kind: 'option', name: 'verbose', rawName: '-v', index: 0, value: undefined, inlineValue: undefined },
  { kind: 'option', name: 'out', rawName: '--out', index: 1, value: 'f', inlineValue: false },
]);

assert.throws(() => parseArgs({ args: ['--nope'], options }), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });
assert.throws(() => parseArgs({ args: ['x'], options }), { code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' });
assert.throws(() => parseArgs({ args: ['--out'], options }), {
  code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
  message: "Option '-o, --out <value>' argument missing",
});
assert.throws(() => parseArgs({ args: ['--verbose=yes'], options }),
              { code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' });
assert.deepStrictEqual({ ...parseArgs({ args: ['--x', 'y'], strict: false }).values }, { x: true });
