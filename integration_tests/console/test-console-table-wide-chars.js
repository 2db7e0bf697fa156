'use strict';
// console.table pads cells by terminal columns: a full-width character takes two.
const assert = require('assert');
const { Console } = require('console');
const { Writable } = require('stream');

let out = '';
const sink = new Writable({ write(chunk, enc, cb) { out += chunk; cb(); } });
const logger = new Console(sink);

logger.table({ wide: '\uffe5', narrow: '\u00a5', han: '\u4e2d\u6587' });
const lines = out.split('\n');
assert.strictEqual(lines[3], "│ wide    │ '￥'   │");
assert.strictEqual(lines[4], "│ narrow  │ '¥'    │");
assert.strictEqual(lines[5], "│ han     │ '中文' │");
