import type { Locale, RegionLevel, Role } from '@guatu/core';

/** Who is acting, from where: every service call carries it, and the audit trail records it. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  regionCode: string;
  /** The actor's region path ("530000/530300/"); their scope is everything under it. */
  regionPath: string;
  regionLevel: RegionLevel;
  roles: Role[];
  ip?: string | undefined;
  requestId?: string | undefined;
  locale?: Locale | undefined;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

/** The system itself, for seeds and maintenance commands run from the CLI. */
export function systemActor(regionPath = '530000/'): Actor {
  return {
    userId: 0,
    username: 'system',
    displayName: '系统',
    regionCode: regionPath.split('/')[regionPath.split('/').length - 2] ?? '530000',
    regionPath,
    regionLevel: 'province',
    roles: ['admin'],
  };
}
