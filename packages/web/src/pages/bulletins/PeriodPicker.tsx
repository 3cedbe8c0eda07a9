import { Select, Space } from 'antd';
import { chinaDate } from '@guatu/core';
import { useI18n } from '../../app/i18n';

const PARTS = ['year', 'H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4', ...Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'))];

/** A year and a part of it (全年, a half, a quarter or a month) as the API's period code: 2022, 2022-H1, 2022-Q1, 2022-01. */
export function PeriodPicker({ value, onChange, id }: { value?: string; onChange?: (code: string) => void; id?: string }) {
  const { t } = useI18n();
  const [year, part] = split(value);
  const thisYear = Number(chinaDate().slice(0, 4));
  const years = Array.from({ length: thisYear - 2018 }, (_, i) => thisYear - i);
  const emit = (y: number, p: string) => onChange?.(p === 'year' ? String(y) : `${y}-${p}`);
  return (
    <Space.Compact id={id}>
      <Select aria-label={t('bulletins.year')} value={year} onChange={(y) => emit(y, part)} options={years.map((y) => ({ value: y, label: t('period.yearN', { year: y }) }))} style={{ width: 100 }} />
      <Select
        aria-label={t('bulletins.period')}
        data-testid="period-part"
        value={part}
        onChange={(p) => emit(year, p)}
        options={PARTS.map((p) => ({ value: p, label: /^\d/.test(p) ? t('period.month', { n: Number(p) }) : t(`period.${p}` as 'period.year') }))}
        style={{ width: 110 }}
      />
    </Space.Compact>
  );
}

function split(code: string | undefined): [number, string] {
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/.exec(code ?? '');
  if (!m) return [Number(chinaDate().slice(0, 4)), 'year'];
  return [Number(m[1]), m[2] ?? 'year'];
}

/** A period code as the bulletin list shows it: 2022年一季度. */
export function periodLabel(code: string, t: ReturnType<typeof useI18n>['t']): string {
  const [year, part] = split(code);
  const name = /^\d/.test(part) ? t('period.month', { n: Number(part) }) : t(`period.${part}` as 'period.year');
  return /^\d{4}(-(H[12]|Q[1-4]|\d{2}))?$/.test(code) ? t('period.label', { year, name }) : code;
}
