/** Guatu's calendar is China Standard Time (UTC+8, no daylight saving). */
const CST_OFFSET_MS = 8 * 3_600_000;

/** The calendar date in China at an instant, as YYYY-MM-DD. */
export function chinaDate(at: Date = new Date()): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The month in China at an instant, as YYYY-MM. */
export function chinaPeriod(at: Date = new Date()): string {
  return chinaDate(at).slice(0, 7);
}

export function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** "2022-03" → "2022年3月"; "2022-03-01" → "2022年3月1日": how dates read on screen. */
export function formatDateZh(value: string): string {
  const [y, m, d] = value.split('-');
  if (!m) return `${y}年`;
  return d ? `${y}年${Number(m)}月${Number(d)}日` : `${y}年${Number(m)}月`;
}
