import { Descriptions, Typography } from 'antd';
import type { FigureRequest } from '../../api/bulletins';
import { useI18n } from '../../app/i18n';
import { loadCategories, loadRegion } from '../../lib/codeLists';
import { useLoad } from '../../lib/useLoad';
import { money } from '../../lib/format';

/** Filter keys as people read them; anything not listed shows its own key. */
const KEYS: Record<string, [string, string]> = {
  region: ['区域', 'Region'],
  regions: ['区域', 'Regions'],
  startedFrom: ['开工日期自', 'Started from'],
  startedTo: ['开工日期至', 'Started to'],
  signedFrom: ['签约日期自', 'Signed from'],
  signedTo: ['签约日期至', 'Signed to'],
  completedFrom: ['竣工日期自', 'Completed from'],
  completedTo: ['竣工日期至', 'Completed to'],
  categories: ['项目类别', 'Categories'],
  stages: ['阶段', 'Stages'],
  levels: ['级别', 'Levels'],
  kinds: ['类型', 'Kinds'],
  managedBy: ['管理层级', 'Managed by'],
  batch: ['集中开工批次', 'Batch'],
  keyList: ['重点项目清单', 'Key list'],
  group: ['包保组', 'Group'],
  minTotalInvestment: ['总投资不低于', 'Total investment at least'],
  maxTotalInvestment: ['总投资低于', 'Total investment below'],
};

/** A figure's statistics request, spelled out: its filter, key by key, and its measure. */
export function FigureQuery({ request, regionName }: { request: FigureRequest; regionName?: string }) {
  const { t, locale } = useI18n();
  const categories = useLoad(loadCategories, []);
  const code = typeof request.filter.region === 'string' ? request.filter.region : undefined;
  const region = useLoad(() => (regionName || !code ? Promise.resolve(regionName) : loadRegion(code).then((r) => r.name)), [code, regionName]);
  const names = new Map((categories.data ?? []).map((c) => [c.code, locale === 'zh' ? c.nameZh : c.nameEn]));
  const value = (key: string, v: unknown): string => {
    if (Array.isArray(v)) return v.map((x) => (key === 'categories' ? (names.get(String(x)) ?? String(x)) : String(x))).join('、');
    if (key === 'region' && region.data) return `${region.data}（${String(v)}）`;
    if (/Investment$/.test(key)) return money(String(v), locale);
    if (key === 'managedBy') return v === 'prefecture' ? (locale === 'zh' ? '市直' : 'prefecture') : String(v);
    return String(v);
  };
  const order = Object.keys(KEYS);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const items = Object.entries(request.filter)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([k, v]) => ({ key: k, label: KEYS[k]?.[locale === 'zh' ? 0 : 1] ?? k, children: value(k, v) }));
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      data-testid="figure-query"
      items={[
        { key: 'subject', label: t('templates.subject'), children: t(`subject.${request.subject}` as 'subject.projects') },
        ...items,
        { key: 'measure', label: t('bulletins.measure'), children: <Typography.Text code>{request.measures.join(', ')}</Typography.Text> },
      ]}
    />
  );
}
