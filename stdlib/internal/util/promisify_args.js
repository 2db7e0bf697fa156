'use strict';
// The internal key by which a callback API names its several success values, so that
// util.promisify resolves with an object of them (fs.read resolves { bytesRead, buffer }).
// Node keeps the same mechanism private; user code cannot reach this symbol.

const kCustomPromisifyArgs = Symbol('customPromisifyArgs');

module.exports = { kCustomPromisifyArgs };
