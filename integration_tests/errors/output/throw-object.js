'use strict';
// Throwing a plain object.
throw { code: 'E_PLAIN', value: 1 };
