import { Table, Tag, Typography } from 'antd';
import type { ImportCounts, ImportResult } from '../../api/exchange';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages';

type SheetKind = keyof ImportResult['counts'];
const SHEET_KINDS: SheetKind[] = ['projects', 'annualPlans', 'monthlyReports'];

/** What a dry run found: N new, N changed (with the fields), N unchanged, N rejected, and every problem by sheet, row and column. */
export function ImportSummary({ result }: { result: ImportResult }) {
  const { t, field } = useI18n();
  const present = new Set(result.sheets.map((s) => s.kind).filter(Boolean));
  const kinds = SHEET_KINDS.filter((k) => present.has(k) || Object.values(result.counts[k]).some((n) => n > 0));
  const kindLabel = (k: string) => t(`exchange.sheetKind.${k}` as MessageKey);

  return (
    <div data-testid="import-summary">
      <Table<{ kind: SheetKind } & ImportCounts>
        rowKey="kind"
        size="small"
        pagination={false}
        dataSource={kinds.map((k) => ({ kind: k, ...result.counts[k] }))}
        columns={[
          { title: t('exchange.data'), dataIndex: 'kind', render: kindLabel },
          { title: t('exchange.new'), dataIndex: 'create', align: 'right', render: (n: number) => <span data-testid="count-create">{n}</span> },
          { title: t('exchange.changed'), dataIndex: 'update', align: 'right', render: (n: number) => <span data-testid="count-update">{n}</span> },
          { title: t('exchange.unchanged'), dataIndex: 'unchanged', align: 'right' },
          {
            title: t('exchange.rejected'),
            dataIndex: 'rejected',
            align: 'right',
            render: (n: number) => <span data-testid="count-rejected" style={n ? { color: '#b91c1c', fontWeight: 600 } : undefined}>{n}</span>,
          },
        ]}
      />

      {result.changes.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('exchange.changes')}
          </Typography.Title>
          <Table
            rowKey={(c) => `${c.sheet}:${c.row}`}
            size="small"
            data-testid="import-changes"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={result.changes}
            columns={[
              { title: t('exchange.sheet'), dataIndex: 'sheet', width: 120 },
              { title: t('exchange.row'), dataIndex: 'row', width: 70, align: 'right' },
              { title: t('exchange.key'), dataIndex: 'key', width: 240 },
              {
                title: t('exchange.changedFields'),
                dataIndex: 'fields',
                render: (fields: string[]) => fields.map((f) => <Tag key={f}>{field(f)}</Tag>),
              },
            ]}
          />
        </>
      )}

      {result.issues.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('exchange.issues', { n: result.issuesTotal })}
          </Typography.Title>
          <Table
            rowKey={(i) => `${i.sheet}:${i.row}:${i.column}:${i.rule}:${i.field}`}
            size="small"
            data-testid="import-issues"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={result.issues}
            columns={[
              { title: t('exchange.sheet'), dataIndex: 'sheet', width: 120 },
              { title: t('exchange.row'), dataIndex: 'row', width: 70, align: 'right', render: (r: number | null) => r ?? '—' },
              { title: t('exchange.column'), dataIndex: 'column', width: 180, render: (c: string | null, i) => (c ? `${c}${i.header ? ` · ${i.header.replace(/^\*/, '')}` : ''}` : '—') },
              { title: t('exchange.message'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </div>
  );
}
