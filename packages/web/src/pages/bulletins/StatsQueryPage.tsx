import { Link, useSearchParams } from 'react-router';
import { Card, Descriptions, Space } from 'antd';
import { post } from '../../api/client';
import type { FigureRequest } from '../../api/bulletins';
import { projectsHref } from '../../api/stats';
import { useI18n } from '../../app/i18n';
import { count, money } from '../../lib/format';
import { Loaded } from '../../lib/Loaded';
import { useLoad } from '../../lib/useLoad';
import { FigureQuery } from './FigureQuery';

/**
 * A figure's query, asked of the engine now: where the "查询与数据" links of a bulletin's Markdown
 * and printable page lead (/stats?request=<the request as JSON>).
 */
export default function StatsQueryPage() {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const request = parse(params.get('request'));
  const state = useLoad(
    () => (request ? post<{ asOf: string; total: Record<string, unknown> }>('/stats', { subject: request.subject, filter: request.filter, measures: request.measures }) : Promise.reject(new Error(t('templates.filterInvalid')))),
    [params.get('request')],
  );
  return (
    <div>
      <div className="guatu-page-header">
        <h1>{t('bulletins.query')}</h1>
      </div>
      <Card>
        {request && <FigureQuery request={request} />}
        <div style={{ marginTop: 16 }}>
          <Loaded state={state}>
            {(r) => (
              <Space orientation="vertical" data-testid="stats-answer" style={{ width: '100%' }}>
                <Descriptions
                  size="small"
                  bordered
                  column={1}
                  items={(request?.measures ?? []).map((m) => {
                    const v = r.total[m];
                    const text = v === null || v === undefined ? '—' : typeof v === 'number' ? count(v) : /^(count|yoy:|share)/.test(m) ? String(v) : money(String(v), locale);
                    return { key: m, label: t('bulletins.valueAsOf', { date: r.asOf }), children: <strong>{text}</strong> };
                  })}
                />
                {request?.subject === 'projects' && <Link to={projectsHref(request.filter)}>{t('bulletins.openList')}</Link>}
              </Space>
            )}
          </Loaded>
        </div>
      </Card>
    </div>
  );
}

function parse(json: string | null): FigureRequest | null {
  try {
    const r = JSON.parse(json ?? '') as FigureRequest;
    return r && typeof r.filter === 'object' && Array.isArray(r.measures) ? { ...r, subject: r.subject ?? 'projects' } : null;
  } catch {
    return null;
  }
}
