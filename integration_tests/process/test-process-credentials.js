// process.getuid & co. report the real ids; the setters validate their argument.
const assert = require('node:assert');
const { execSync } = require('node:child_process');

assert.strictEqual(process.getuid(), Number(execSync('id -u')));
assert.strictEqual(process.getgid(), Number(execSync('id -g')));
assert.strictEqual(process.geteuid(), Number(execSync('id -u')));
assert.strictEqual(process.getegid(), Number(execSync('id -g')));
const groups = process.getgroups();
assert.ok(Array.isArray(groups));
assert.ok(groups.includes(process.getegid()));

assert.throws(() => process.setuid('no-such-user-here'), {
  code: 'ERR_UNKNOWN_CREDENTIAL',
  message: 'User identifier does not exist: no-such-user-here',
});
assert.throws(() => process.setgid({}), { code: 'ERR_INVALID_ARG_TYPE' });
// Setting the id we already have succeeds.
process.setgid(process.getgid());
