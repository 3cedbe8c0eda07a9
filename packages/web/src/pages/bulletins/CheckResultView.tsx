import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Col, Row, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { CheckedFigure, CheckResult, CheckStatus } from '../../api/bulletins';
import { projectsHref } from '../../api/stats';
import { useI18n } from '../../app/i18n';
import { draftPieces } from './draftPieces';
import './bulletins.css';

const COLORS: Record<CheckStatus, string> = { matches: 'green', differs: 'red', untraceable: 'orange' };

/** The draft with every figure highlighted by its status, side by side with what each figure was checked against. */
export function CheckResultView({ text, result }: { text: string; result: CheckResult }) {
  const { t } = useI18n();
  const [active, setActive] = useState<number | null>(null);
  const [shown, setShown] = useState<'all' | CheckStatus>('all');
  const draftRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const pieces = draftPieces(text, result.figures, result.format);
  const rows = result.figures.map((f, i) => ({ ...f, i })).filter((f) => shown === 'all' || f.status === shown);

  useEffect(() => {
    if (active === null) return;
    draftRef.current?.querySelector(`[data-mark="${active}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    tableRef.current?.querySelector(`[data-row-key="${active}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [active]);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={11}>
        <div style={{ display: 'flex', alignItems: 'center', minHeight: 32, marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('check.draft')}
          </Typography.Title>
        </div>
        <div className="check-draft" ref={draftRef} data-testid="check-draft">
          {pieces.map((p, k) => {
            if (!('figure' in p)) return <span key={k}>{p.text}</span>;
            const f = result.figures[p.figure]!;
            return (
              <Tooltip key={k} title={tip(f, t)}>
                <span
                  className={`check-mark ${f.status}${active === p.figure ? ' active' : ''}`}
                  data-mark={p.figure}
                  data-status={f.status}
                  data-testid="check-mark"
                  onClick={() => setActive(p.figure)}
                >
                  {p.text}
                </span>
              </Tooltip>
            );
          })}
        </div>
      </Col>
      <Col xs={24} xl={13} ref={tableRef}>
        <Space style={{ marginBottom: 8, justifyContent: 'space-between', width: '100%' }} wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('check.results')}
          </Typography.Title>
          <Segmented
            value={shown}
            onChange={(v) => setShown(v as typeof shown)}
            options={[
              { value: 'all', label: `${t('all')} ${result.summary.figures}` },
              { value: 'matches', label: `${t('check.matches')} ${result.summary.matches}` },
              { value: 'differs', label: `${t('check.differs')} ${result.summary.differs}` },
              { value: 'untraceable', label: `${t('check.untraceable')} ${result.summary.untraceable}` },
            ]}
          />
        </Space>
        <Table<CheckedFigure & { i: number }>
          rowKey="i"
          size="small"
          data-testid="check-table"
          dataSource={rows}
          pagination={false}
          scroll={{ x: 640, y: '62vh' }}
          rowClassName={(f) => (f.i === active ? 'check-row-active' : '')}
          onRow={(f) => ({ onClick: () => setActive(f.i) })}
          columns={[
            { title: '#', dataIndex: 'i', width: 48, render: (i: number) => i + 1 },
            { title: t('bulletins.figure'), dataIndex: 'text', width: 110, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
            { title: t('check.status'), dataIndex: 'status', width: 96, render: (s: CheckStatus) => <Tag color={COLORS[s]}>{t(`check.${s}`)}</Tag> },
            {
              title: `${t('check.inData')} / ${t('check.reason')}`,
              key: 'why',
              render: (_, f) => <Why figure={f} />,
            },
          ]}
        />
      </Col>
    </Row>
  );
}

function Why({ figure: f }: { figure: CheckedFigure }) {
  const { t } = useI18n();
  const reading = Object.values(f.reading)
    .filter((r): r is { words: string } => !!r)
    .map((r) => r.words)
    .join(' · ');
  return (
    <Space orientation="vertical" size={0} style={{ fontSize: 13 }}>
      {f.status === 'differs' && (
        <span data-testid="check-data-value">
          {t('check.inData')}：<Typography.Text type="danger" strong>{f.dataText}</Typography.Text>
        </span>
      )}
      {f.status === 'matches' && (
        <span>
          {t('check.inData')}：<Typography.Text type="success">{f.dataText}</Typography.Text>
          {f.rounded && <Typography.Text type="secondary">（{t('check.rounded')}）</Typography.Text>}
        </span>
      )}
      {f.unresolved.map((u, k) => (
        <Typography.Text key={k} type="warning">
          {u.message}
        </Typography.Text>
      ))}
      {reading && (
        <Typography.Text type="secondary">
          {t('check.readAs')}：{reading}
        </Typography.Text>
      )}
      {f.request?.subject === 'projects' && f.status !== 'untraceable' && <Link to={projectsHref(f.request.filter)}>{t('bulletins.openDrill')}</Link>}
    </Space>
  );
}

function tip(f: CheckedFigure, t: ReturnType<typeof useI18n>['t']): string {
  if (f.status === 'matches') return `${t('check.matches')}${f.rounded ? `（${t('check.rounded')}：${f.dataText}）` : ''}`;
  if (f.status === 'differs') return `${t('check.differs')}：${t('check.inData')} ${f.dataText}`;
  return `${t('check.untraceable')}：${f.unresolved.map((u) => u.message).join('；')}`;
}
