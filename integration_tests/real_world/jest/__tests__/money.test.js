'use strict';
const { format, split, convert } = require('../money');

describe('format', () => {
  test.each([[0, '0.00'], [5, '0.05'], [1234, '12.34'], [-250, '-2.50']])('%i -> %s', (cents, text) => {
    expect(format(cents)).toBe(text);
  });
});

describe('split', () => {
  test('spreads the remainder over the first parts', () => {
    expect(split(100, 3)).toEqual([34, 33, 33]);
    expect(split(100, 3).reduce((a, b) => a + b)).toBe(100);
  });
  test('rejects bad part counts', () => {
    expect(() => split(10, 0)).toThrow(RangeError);
    expect(() => split(10, 1.5)).toThrow('positive integer');
  });
});

describe('convert', () => {
  test('awaits and rounds', async () => {
    await expect(convert(1000, 1.2345)).resolves.toBe(1235);
  });
  test('uses fake timers', () => {
    jest.useFakeTimers();
    const seen = [];
    setTimeout(() => seen.push('later'), 1000);
    jest.advanceTimersByTime(999);
    expect(seen).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(seen).toEqual(['later']);
    jest.useRealTimers();
  });
  test('mocks a function', () => {
    const spy = jest.fn((x) => x * 2);
    [1, 2, 3].map(spy);
    expect(spy).toHaveBeenCalledTimes(3);
    expect(spy.mock.results.map((r) => r.value)).toEqual([2, 4, 6]);
  });
});
