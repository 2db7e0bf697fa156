'use strict';
// A promise rejected with a non-Error and never handled: the runtime wraps
// the reason into an ERR_UNHANDLED_REJECTION error.
Promise.reject(42);
console.log('main done');
