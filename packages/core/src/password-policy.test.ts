import { describe, expect, it } from 'vitest';
import { meetsPasswordPolicy, PASSWORD_MIN_LENGTH } from './password-policy.js';

describe('password policy (MLPS level 3: length and complexity)', () => {
  it.each([
    ['Guatu@2022yn', true],
    ['Abcdefghijk1', true],
    ['abcdefghij1!', true],
    ['ABCDEFGHIJ1!', true],
    ['长度足够的项目密码Aa1', true],
    ['Guatu@2022', false], // 10 characters
    ['Abcdefghij1', false], // 11 characters
    ['abcdefghijkl', false], // one class
    ['abcdefghijk1', false], // two classes
    ['ABCDEFGHIJK!', false], // two classes
    ['', false],
    [`Aa1!${'x'.repeat(253)}`, false], // over 256
  ])('%j → %s', (password, ok) => {
    expect(meetsPasswordPolicy(password)).toBe(ok);
  });

  it(`asks for at least ${PASSWORD_MIN_LENGTH} characters`, () => {
    expect(PASSWORD_MIN_LENGTH).toBeGreaterThanOrEqual(12);
  });
});
