import { describe, expect, it } from 'vitest';
import { median } from './medians.js';

describe('median', () => {
  it('is the middle value of an odd count and the mean of the two middle values of an even one', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
  });
  it('leaves out runs that measured nothing', () => {
    expect(median([NaN, 5, Infinity, 7])).toBe(6);
    expect(median([NaN])).toBeNaN();
  });
});
