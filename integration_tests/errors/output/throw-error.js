'use strict';
// An uncaught Error at top level prints the location, source line, caret,
// the stack, and the runtime version; exit code 1.
console.log('before throw');
throw new Error('boom');
