'use strict';
// Assigning or deleting process.env.TZ changes the time zone Date uses at once.
const assert = require('assert');

const date = new Date('2018-04-14T12:34:56.789Z');

process.env.TZ = 'Etc/GMT-3';  // POSIX sign: three hours east of UTC.
assert.match(date.toString(), /^Sat Apr 14 2018 15:34:56 GMT\+0300/);

process.env.TZ = 'Etc/GMT+5';
assert.match(date.toString(), /^Sat Apr 14 2018 07:34:56 GMT-0500/);
assert.strictEqual(date.getHours(), 7);

process.env.TZ = 'Etc/UTC';
assert.match(date.toString(), /^Sat Apr 14 2018 12:34:56 GMT\+0000/);

process.env.TZ = 'Etc/GMT-3';
delete process.env.TZ;
assert.strictEqual(process.env.TZ, undefined);
