import { nope } from './../fixtures/lib.mjs';
console.log(nope);
