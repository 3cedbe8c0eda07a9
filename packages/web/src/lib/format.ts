import { formatDateZh, formatYuanZh, yuanInUnit, type Locale } from '@guatu/core';

/** An amount as officials read it: 1254亿元, 8674万元 (English: 125.4 bn yuan). */
export function money(yuan: string | null | undefined, locale: Locale = 'zh'): string {
  if (yuan === null || yuan === undefined || yuan === '') return '—';
  if (locale === 'zh') return formatYuanZh(yuan);
  const yi = Number(yuanInUnit(yuan, '亿元', 2));
  if (Math.abs(yi) >= 10) return `${(yi / 10).toLocaleString('en-US', { maximumFractionDigits: 2 })} bn yuan`;
  const wan = Number(yuanInUnit(yuan, '万元', 2));
  if (Math.abs(wan) >= 100) return `${(wan / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })} m yuan`;
  return `${yuanInUnit(yuan, '元', 2)} yuan`;
}

/** The number part and unit separately, for statistic cards: ["1254", "亿元"]. */
export function moneyParts(yuan: string, locale: Locale = 'zh'): [string, string] {
  const text = money(yuan, locale);
  const m = /^(-?[\d.,]+)\s*(.*)$/.exec(text);
  return m ? [m[1]!, m[2]!] : [text, ''];
}

/** 2022年3月 / 2022年3月1日; English keeps ISO. */
export function date(value: string | null | undefined, locale: Locale = 'zh'): string {
  if (!value) return '—';
  return locale === 'zh' ? formatDateZh(value.slice(0, 10)) : value.slice(0, 10);
}

export function period(value: string, locale: Locale = 'zh'): string {
  return locale === 'zh' ? formatDateZh(value) : value;
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** A count with Chinese grouping (12,345 → 12,345; Chinese officials group by thousands in tables too). */
export function count(n: number | string | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return Number(n).toLocaleString('zh-CN');
}
