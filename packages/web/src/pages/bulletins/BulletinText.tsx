import './bulletins.css';
import { useState } from 'react';
import { Button, Popover, Space, Typography } from 'antd';
import type { Bulletin, BulletinFigure, Comparison } from '../../api/bulletins';
import { projectsHref } from '../../api/stats';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { count } from '../../lib/format';
import { FigureQuery } from './FigureQuery';

/**
 * The bulletin as written, every figure a link: hovering shows its query, clicking opens the
 * projects behind it. With a comparison, a figure that moved since generation is marked.
 */
export function BulletinText({ bulletin, comparison, onDrill }: { bulletin: Bulletin; comparison?: Comparison; onDrill(key: string): void }) {
  const figures = new Map(bulletin.figures.map((f) => [f.key, f]));
  const changed = new Map((comparison?.figures ?? []).filter((f) => f.changed).map((f) => [f.key, f]));
  return (
    <article className="guatu-bulletin" data-testid="bulletin-text">
      <h2 style={{ textAlign: 'center', fontSize: 22, margin: '8px 0 20px' }}>{bulletin.title}</h2>
      {bulletin.paragraphs.map((p, i) => (
        <p key={i} className={p.heading ? 'heading' : undefined}>
          {p.segments.map((s, j) => {
            const f = s.figure ? figures.get(s.figure) : undefined;
            if (!f) return <span key={j}>{s.text}</span>;
            const now = changed.get(f.key);
            return (
              <FigureLink key={j} figure={f} regionName={bulletin.regionName} onDrill={onDrill}>
                <span className={now ? 'figure-changed' : undefined}>{s.text}</span>
                {now && <sup className="figure-now">→{now.now.text}</sup>}
              </FigureLink>
            );
          })}
        </p>
      ))}
    </article>
  );
}

function FigureLink({ figure, regionName, onDrill, children }: { figure: BulletinFigure; regionName: string; onDrill(key: string): void; children: React.ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const drill = () => {
    setOpen(false);
    onDrill(figure.key);
  };
  const content = (
    <Space orientation="vertical" size="small" style={{ maxWidth: 420 }} data-testid="figure-popover">
      <Typography.Text strong>
        {figure.label}：{figure.text}
      </Typography.Text>
      <FigureQuery request={figure.request} regionName={regionName} />
      <Space wrap>
        <Button type="primary" size="small" onClick={drill} data-testid="figure-drill-open">
          {t('bulletins.openDrill')}（{count(figure.recordCount)}）
        </Button>
        {figure.request.subject === 'projects' && <Link to={projectsHref(figure.request.filter)}>{t('bulletins.openList')}</Link>}
      </Space>
    </Space>
  );
  return (
    <Popover content={content} title={t('bulletins.query')} mouseEnterDelay={0.3} open={open} onOpenChange={setOpen}>
      <a
        className="bulletin-figure"
        data-testid="bulletin-figure"
        data-figure={figure.key}
        href={`#figure-${figure.key}`}
        onClick={(e) => {
          e.preventDefault();
          drill();
        }}
      >
        {children}
      </a>
    </Popover>
  );
}
