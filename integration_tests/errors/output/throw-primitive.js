'use strict';
// Throwing a non-Error value: the thrown value is printed after the source
// line and caret (with a hint that it was thrown without a stack).
console.log('before throw');
throw 42;
