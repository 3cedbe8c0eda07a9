import { describe, expect, it } from 'vitest';
import { laneLockKey, laneOf } from './lanes.js';

describe('audit lanes', () => {
  it("put an actor's events in their prefecture's lane, or the province's", () => {
    expect(laneOf({ regionCode: '530302', regionPath: '530000/530300/530302/' })).toBe('530300');
    expect(laneOf({ regionCode: '530300', regionPath: '530000/530300/' })).toBe('530300');
    expect(laneOf({ regionCode: '530000', regionPath: '530000/' })).toBe('530000');
  });

  it('place a sign-in, which knows only the region code, in the same lane', () => {
    expect(laneOf({ regionCode: '530302', regionPath: undefined as never })).toBe('530300');
    expect(laneOf({ regionCode: '530000', regionPath: undefined as never })).toBe('530000');
    expect(laneOf({ regionCode: '', regionPath: undefined as never })).toBe('system');
    expect(laneOf(null)).toBe('system');
  });

  it('lock each lane under a key of its own', () => {
    expect(laneLockKey('530300')).toBe(530300);
    expect(laneLockKey('system')).not.toBe(laneLockKey('legacy'));
    expect(Number.isInteger(laneLockKey('system'))).toBe(true);
  });
});
