'use strict';
// Throwing a string.
throw 'a string';
