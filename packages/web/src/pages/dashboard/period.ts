import { chinaPeriod } from '@guatu/core';

/** The dashboard's period: a year, and a quarter of it or the whole year. */
export interface DashboardPeriod {
  year: number;
  quarter: 1 | 2 | 3 | 4 | null;
}

export interface PeriodRange {
  /** First and last day of the selected quarter (or year). */
  from: string;
  to: string;
  /** The months from January to the period's last month, as the engine's month range. */
  ytdMonths: string;
  /** The period's last month that has begun (YYYY-MM). */
  lastMonth: string;
  /** Share of the year elapsed at the period's end: the 序时进度 line, in percent. */
  timeProgress: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function periodRange({ year, quarter }: DashboardPeriod, today = chinaPeriod()): PeriodRange {
  const firstMonth = quarter ? (quarter - 1) * 3 + 1 : 1;
  const endMonth = quarter ? quarter * 3 : 12;
  let last = `${year}-${pad(endMonth)}`;
  if (last > today && today.startsWith(String(year))) last = today;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const lastMonthNumber = Number(last.slice(5));
  return {
    from: `${year}-${pad(firstMonth)}-01`,
    to: `${year}-${pad(endMonth)}-${pad(lastDay)}`,
    ytdMonths: `${year}-01..${last}`,
    lastMonth: last,
    timeProgress: Math.round((lastMonthNumber / 12) * 1000) / 10,
  };
}

export function currentPeriod(today = chinaPeriod()): DashboardPeriod {
  const month = Number(today.slice(5));
  return { year: Number(today.slice(0, 4)), quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}

export function parsePeriod(params: URLSearchParams): DashboardPeriod {
  const fallback = currentPeriod();
  const year = Number(params.get('year'));
  const q = params.get('quarter');
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : fallback.year,
    quarter: q === 'all' ? null : q && ['1', '2', '3', '4'].includes(q) ? (Number(q) as 1 | 2 | 3 | 4) : params.get('year') ? null : fallback.quarter,
  };
}
