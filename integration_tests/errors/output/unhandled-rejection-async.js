'use strict';
// A rejection from an async function, unhandled: printed with the async stack.
async function inner() {
  await null;
  throw new Error('async boom');
}
inner();
