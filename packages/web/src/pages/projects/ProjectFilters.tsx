import { useEffect, useState } from 'react';
import { Button, DatePicker, Input, Select, Space, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { KIND_LABELS, LEVEL_LABELS, PROJECT_KINDS, PROJECT_LEVELS, STAGES, STAGE_LABELS } from '@guatu/core';
import type { StatsFilter } from '../../api/stats';
import { useI18n } from '../../app/i18n';
import { categoryTree, loadCategories, type TreeOption } from '../../lib/codeLists';
import { RegionSelect } from '../../lib/RegionSelect';
import { RecordSelect } from './RecordSelect';

export interface ListFilter extends StatsFilter {
  q?: string;
}

/** Size bands (≥1亿, ≥5亿, ≥10亿) are queries on total investment, not fields. */
const SIZE_BANDS = [
  { key: 'size.100m', min: '100000000' },
  { key: 'size.500m', min: '500000000' },
  { key: 'size.1b', min: '1000000000' },
] as const;

const LIGHT_OPTIONS = [
  { value: 'red', label: 'dashboard.red', color: '#cf1322' },
  { value: 'yellow', label: 'dashboard.yellow', color: '#d48806' },
  { value: 'green', label: 'dashboard.green', color: '#389e0d' },
] as const;

/** The project library's filters. Every change goes to the URL, so a view can be shared. */
export function ProjectFilters({ value, onChange }: { value: ListFilter; onChange(next: ListFilter): void }) {
  const { t, label, locale } = useI18n();
  const [categories, setCategories] = useState<TreeOption[]>([]);
  const [q, setQ] = useState(value.q ?? '');
  useEffect(() => setQ(value.q ?? ''), [value.q]);
  useEffect(() => {
    loadCategories().then((items) => setCategories(categoryTree(items, locale)), () => undefined);
  }, [locale]);
  const set = (patch: Partial<ListFilter>) => onChange({ ...value, ...patch });

  return (
    <Space wrap size={[8, 8]} style={{ marginBottom: 12 }} data-testid="project-filters">
      <Input.Search
        placeholder={t('projects.search')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => set({ q: v.trim() || undefined })}
        allowClear
        style={{ width: 220 }}
        aria-label={t('projects.search')}
      />
      <RegionSelect value={value.region} onChange={(region) => set({ region })} placeholder={t('projects.region')} />
      <TreeSelect
        treeData={categories}
        value={value.categories ?? []}
        onChange={(v: string[]) => set({ categories: v.length ? v : undefined })}
        multiple
        treeCheckable={false}
        placeholder={t('projects.category')}
        style={{ minWidth: 160 }}
        maxTagCount="responsive"
        allowClear
        popupMatchSelectWidth={false}
      />
      <Select
        mode="multiple"
        value={value.stages ?? []}
        onChange={(v: string[]) => set({ stages: v.length ? v : undefined })}
        options={STAGES.map((s) => ({ value: s, label: label(STAGE_LABELS, s) }))}
        placeholder={t('projects.stage')}
        style={{ minWidth: 130 }}
        maxTagCount="responsive"
        allowClear
      />
      <Select
        mode="multiple"
        value={value.levels ?? []}
        onChange={(v: string[]) => set({ levels: v.length ? v : undefined })}
        options={PROJECT_LEVELS.map((s) => ({ value: s, label: label(LEVEL_LABELS, s) }))}
        placeholder={t('projects.level')}
        style={{ minWidth: 130 }}
        maxTagCount="responsive"
        allowClear
      />
      <Select
        value={value.kinds?.[0]}
        onChange={(v?: string) => set({ kinds: v ? [v] : undefined })}
        options={PROJECT_KINDS.map((s) => ({ value: s, label: label(KIND_LABELS, s) }))}
        placeholder={t('projects.kind')}
        style={{ minWidth: 120 }}
        allowClear
      />
      <Select
        mode="multiple"
        value={value.lights ?? []}
        onChange={(v: string[]) => set({ lights: v.length ? v : undefined })}
        options={LIGHT_OPTIONS.map((l) => ({ value: l.value, label: <span style={{ color: l.color }}>{t(l.label)}</span> }))}
        placeholder={t('projects.warning')}
        style={{ minWidth: 120 }}
        maxTagCount="responsive"
        allowClear
        data-testid="filter-lights"
      />
      <Select
        value={value.minTotalInvestment && !value.maxTotalInvestment ? value.minTotalInvestment : undefined}
        onChange={(v?: string) => set({ minTotalInvestment: v, maxTotalInvestment: undefined })}
        options={SIZE_BANDS.map((b) => ({ value: b.min, label: t(b.key) }))}
        placeholder={t('projects.size')}
        style={{ minWidth: 130 }}
        allowClear
      />
      <RecordSelect kind="batches" value={value.batch} onChange={(batch) => set({ batch })} placeholder={t('projects.batch')} />
      <RecordSelect kind="key-lists" value={value.keyList} onChange={(keyList) => set({ keyList })} placeholder={t('projects.keyList')} />
      <RecordSelect kind="accountability-groups" value={value.group} onChange={(group) => set({ group })} placeholder={t('projects.group')} />
      <DatePicker.RangePicker
        value={[value.startedFrom ? dayjs(value.startedFrom) : null, value.startedTo ? dayjs(value.startedTo) : null]}
        onChange={(range) => set({ startedFrom: range?.[0]?.format('YYYY-MM-DD'), startedTo: range?.[1]?.format('YYYY-MM-DD') })}
        placeholder={[t('projects.started'), t('projects.started')]}
        allowEmpty={[true, true]}
        style={{ width: 250 }}
      />
      <Button onClick={() => onChange({})}>{t('reset')}</Button>
    </Space>
  );
}
