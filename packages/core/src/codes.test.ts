import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isCreditCode, isProjectCode } from './codes.js';
import { describeIssue, pickLocale } from './messages.js';
import { meetsPasswordPolicy } from './password-policy.js';

describe('codes', () => {
  it('validates national project codes', () => {
    expect(isProjectCode('2022-530302-44-01-000123')).toBe(true);
    expect(isProjectCode('2022-5303-44-01-000123')).toBe(false);
    expect(isProjectCode('1899-530302-44-01-000123')).toBe(false);
  });

  it('validates unified social credit codes by their check digit', () => {
    // The worked example of GB 32100-2015.
    expect(isCreditCode('91350100M000100Y43')).toBe(true);
    expect(isCreditCode('91350100M000100Y44')).toBe(false);
    expect(isCreditCode('91350100M000100Y4')).toBe(false);
    expect(isCreditCode('9135010OM000100Y43')).toBe(false);
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });
});

describe('messages', () => {
  it('names the field and the rule in both languages', () => {
    expect(describeIssue('totalInvestment', 'money.decimals', 'zh')).toBe('总投资（totalInvestment）：金额最多保留两位小数（分）');
    expect(describeIssue('annualPlans.1.amount', 'money.negative', 'en')).toBe('amount (annualPlans.1.amount) must not be negative');
  });

  it('picks the language from Accept-Language, Chinese by default', () => {
    expect(pickLocale(undefined)).toBe('zh');
    expect(pickLocale('en-US,en;q=0.9')).toBe('en');
    expect(pickLocale('en;q=0.5,zh-CN;q=0.9')).toBe('zh');
    expect(pickLocale('fr')).toBe('zh');
  });

  it('enforces the password policy', () => {
    expect(meetsPasswordPolicy('short1A!')).toBe(false);
    expect(meetsPasswordPolicy('alllowercaseletters')).toBe(false);
    expect(meetsPasswordPolicy('Guatu-demo-2022')).toBe(true);
  });
});
