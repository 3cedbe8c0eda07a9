import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { projectsHref, type StatsFilter } from '../../api/stats';

/** A number on a screen that opens the list of the projects behind it. */
export function Figure({ filter, children, testId, yuan }: { filter: StatsFilter; children: ReactNode; testId?: string; yuan?: string }) {
  // An amount shows rounded to its unit; hovering gives it to the 分, as the engine answered it.
  return (
    <Link to={projectsHref(filter)} className="guatu-figure" data-testid={testId} data-yuan={yuan} title={yuan ? `${yuan} 元` : undefined}>
      {children}
    </Link>
  );
}
