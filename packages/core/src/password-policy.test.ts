import { describe, expect, it } from 'vitest';
import { meetsPasswordPolicy, PASSWORD_MIN_LENGTH } from './password-policy.js';

describe('password policy (MLPS level 3: length and complexity)', () => {
  it.each([
    ['Guatu@2022', true],
    ['Abcdefghi1', true],
    ['abcdefgh1!', true],
    ['ABCDEFGH1!', true],
    ['长度足够的密码Aa1', true],
    ['Abcdefgh1', false], // 9 characters
    ['abcdefghij', false], // one class
    ['abcdefghi1', false], // two classes
    ['ABCDEFGHI!', false], // two classes
    ['', false],
    [`Aa1!${'x'.repeat(253)}`, false], // over 256
  ])('%j → %s', (password, ok) => {
    expect(meetsPasswordPolicy(password)).toBe(ok);
  });

  it(`asks for at least ${PASSWORD_MIN_LENGTH} characters`, () => {
    expect(PASSWORD_MIN_LENGTH).toBeGreaterThanOrEqual(8);
  });
});
