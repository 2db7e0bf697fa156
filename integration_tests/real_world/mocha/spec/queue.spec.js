const assert = require('node:assert');
const { Queue, later } = require('../lib');

describe('Queue', function () {
  let q;
  beforeEach(() => { q = new Queue(); });
  it('pushes and shifts in order', () => {
    q.push(1).push(2);
    assert.strictEqual(q.shift(), 1);
    assert.strictEqual(q.length, 1);
  });
  it('is empty at first', () => assert.strictEqual(q.length, 0));
  describe('async', function () {
    it('awaits a promise', async () => assert.strictEqual(await later('v', 5), 'v'));
    it('calls done', (done) => { setTimeout(done, 5); });
    it.skip('is skipped', () => {});
  });
  it('reports a failure with a diff', () => {
    assert.deepStrictEqual({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3] });
  });
});
