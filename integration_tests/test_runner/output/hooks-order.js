'use strict';
// Hook order: global before/after, describe-level and t-level hooks, and hook failures.
const { describe, it, test, before, after, beforeEach, afterEach } = require('node:test');
const assert = require('assert');

const order = [];
before(() => order.push('global before'));
after(() => {
  order.push('global after');
  assert.deepStrictEqual(order, [
    'global before',
    'before suite',
    'beforeEach a', 'a', 'afterEach a',
    'before nested',
    'beforeEach b', 'nested beforeEach b', 'b', 'afterEach b',
    'after nested',
    'after suite',
    't.before',
    't.beforeEach x', 'x', 't.afterEach x',
    't.after',
    'global after',
  ]);
  process.on('exit', () => console.log(order.join('\n')));
});

describe('suite', () => {
  before(function() { order.push(`before ${this.name}`); });
  after(() => order.push('after suite'));
  beforeEach((t) => order.push(`beforeEach ${t.name}`));
  afterEach((t) => order.push(`afterEach ${t.name}`));
  it('a', () => order.push('a'));
  describe('nested', () => {
    before(() => order.push('before nested'));
    after(() => order.push('after nested'));
    beforeEach((t) => order.push(`nested beforeEach ${t.name}`));
    it('b', () => order.push('b'));
  });
});

test('t hooks', async (t) => {
  t.before(() => order.push('t.before'));
  t.after(() => order.push('t.after'));
  t.beforeEach((t) => order.push(`t.beforeEach ${t.name}`));
  t.afterEach((t) => order.push(`t.afterEach ${t.name}`));
  await t.test('x', () => order.push('x'));
});

describe('beforeEach throws', () => {
  beforeEach(() => { throw new Error('beforeEach failed'); });
  it('1', () => {});
});

describe('before throws', () => {
  before(() => { throw new Error('before failed'); });
  it('1', () => {});
});
