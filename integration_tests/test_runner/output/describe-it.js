'use strict';
// describe/it nesting, suite failures and the summary counts.
const { describe, it, test } = require('node:test');

describe('outer', () => {
  it('first', () => {});
  describe('inner', () => {
    it('deep pass', () => {});
    it('deep fail', () => {
      throw new Error('deep failure');
    });
    it.skip('deep skip', () => {});
  });
  it('last', async () => {});
});

describe('all passing', () => {
  it('one', () => {});
  it.todo('two');
});

describe.skip('skipped suite', () => {
  it('never runs', () => {
    throw new Error('should not run');
  });
});

test('subtests', async (t) => {
  await t.test('sub pass', () => {});
  await t.test('sub nested', async (t) => {
    await t.test('sub sub pass', () => {});
  });
});
