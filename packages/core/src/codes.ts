/**
 * Identifier formats fixed by national standards.
 */

/**
 * 全国投资项目在线审批监管平台 project code: year-region-industry-type-serial,
 * e.g. "2022-530302-44-01-000123".
 */
export const PROJECT_CODE_PATTERN = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{6})$/;

export function isProjectCode(code: string): boolean {
  const m = PROJECT_CODE_PATTERN.exec(code);
  if (!m) return false;
  const year = Number(m[1]);
  return year >= 2000 && year <= 2100;
}

/** GB 32100-2015 unified social credit code (统一社会信用代码): 18 characters, the last a check digit. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check]!;
}

export function isCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** GB/T 2260 codes are six digits; a province ends in 0000, a prefecture in 00. */
export const REGION_CODE_PATTERN = /^\d{6}$/;

export function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}
