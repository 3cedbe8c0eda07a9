import type { ReactNode } from 'react';
import { AimOutlined, AuditOutlined, DashboardOutlined, FileSearchOutlined, FileTextOutlined, FlagOutlined, FormOutlined, ProjectOutlined, SnippetsOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { Role } from '@guatu/core';
import type { Me } from '../api/types';
import type { MessageKey } from './messages';
import { canReview } from './auth';
import { ImportOutlined } from '@ant-design/icons';

export interface MenuEntry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Who sees the entry; the server enforces the same rules on every call. */
  visible(me: Me): boolean;
}

const anyone = () => true;
const hasAny = (me: Me, roles: readonly Role[]) => roles.some((r) => me.roles.includes(r));
/** Bulletins are written by press, reviewers and administrators (the server's writeBulletins) and read by leaders. */
export const BULLETIN_ROLES: readonly Role[] = ['press', 'leader', 'reviewer', 'admin'];
/** Templates are edited by administrators (the server's editTemplates). */
export const TEMPLATE_ROLES: readonly Role[] = ['admin'];

/** The left menu, in order. A feature adds its screen here with who may use it. */
export const MENU: MenuEntry[] = [
  { path: '/', label: 'menu.dashboard', icon: <DashboardOutlined />, visible: anyone },
  { path: '/map', label: 'menu.map', icon: <AimOutlined />, visible: anyone },
  { path: '/projects', label: 'menu.projects', icon: <ProjectOutlined />, visible: anyone },
  // Importing writes projects, plans and reports: those who may edit projects or fill reports.
  { path: '/import', label: 'menu.exchange', icon: <ImportOutlined />, visible: (me) => me.roles.includes('reporter') || me.roles.includes('admin') },
  { path: '/reports', label: 'menu.worklist', icon: <FormOutlined />, visible: (me) => me.roles.includes('reporter') },
  { path: '/review', label: 'menu.review', icon: <AuditOutlined />, visible: canReview },
  { path: '/problems', label: 'menu.problems', icon: <FlagOutlined />, visible: anyone },
  { path: '/collections', label: 'menu.collections', icon: <UnorderedListOutlined />, visible: anyone },
  // 通报 and 核数 are for the press office, leaders and the schedulers and administrators who publish with them.
  { path: '/bulletins', label: 'menu.bulletins', icon: <FileTextOutlined />, visible: (me) => hasAny(me, BULLETIN_ROLES) },
  { path: '/figure-check', label: 'menu.figureCheck', icon: <FileSearchOutlined />, visible: (me) => hasAny(me, BULLETIN_ROLES) },
  { path: '/bulletin-templates', label: 'menu.bulletinTemplates', icon: <SnippetsOutlined />, visible: (me) => hasAny(me, TEMPLATE_ROLES) },
];
