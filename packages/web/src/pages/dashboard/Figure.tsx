import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { projectsHref, type StatsFilter } from '../../api/stats';

/** A number on a screen that opens the list of the projects behind it. */
export function Figure({ filter, children, testId }: { filter: StatsFilter; children: ReactNode; testId?: string }) {
  return (
    <Link to={projectsHref(filter)} className="guatu-figure" data-testid={testId}>
      {children}
    </Link>
  );
}
