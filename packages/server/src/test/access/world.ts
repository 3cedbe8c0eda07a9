import { eq, sql } from 'drizzle-orm';
import { ROLES, creditCodeCheckChar } from '@guatu/core';
import { problems, sessions, users } from '../../db/schema/index.js';
import { createSession } from '../../modules/auth/sessions.repository.js';
import { SESSION_COOKIE } from '../../http/session.js';
import type { TestContext, TestUser } from '../harness.js';
import { projectCode, projectInput } from '../fixtures.js';
import { POSITIONS, type Case, type Position } from './types.js';

export interface ProjectFixture {
  id: number;
  version: number;
  code: string;
  name: string;
}
export interface ReportFixture {
  id: number;
  version: number;
  projectId: number;
}
export interface ProblemFixture {
  id: number;
  version: number;
  projectId: number;
}

/**
 * The people and records the access matrix works with. Every record lives in 麒麟区 (530302) and
 * carries a unique marker; `secrets` collects the markers, and no answer to a caller outside the
 * area may contain any of them.
 */
export class World {
  readonly secrets = new Set<string>();
  readonly cases: Case[] = [];
  private serial = 0;

  private constructor(
    readonly t: TestContext,
    /** A county reporter who keeps 麒麟区's records. */
    readonly owner: TestUser,
    /** A Qujing reviewer who approves them. */
    readonly reviewer: TestUser,
    /** A 麒麟区 administrator who registers enterprises and users. */
    readonly admin: TestUser,
  ) {}

  static async create(t: TestContext): Promise<World> {
    const w = new World(t, await t.user('530302', 'reporter', 'matrix.owner'), await t.user('530300', 'reviewer', 'matrix.reviewer'), await t.user('530302', 'admin', 'matrix.admin'));
    w.cases.push({ role: null, position: null, level: null, user: null, label: 'no session' });
    for (const position of Object.keys(POSITIONS) as Position[]) {
      for (const role of ROLES) {
        const { region, level } = POSITIONS[position];
        w.cases.push({ role, position, level, user: await t.user(region, role, `case.${role}.${position}`), label: `${role}@${position}` });
      }
    }
    return w;
  }

  /** A marker no other record carries. */
  marker(kind: string): string {
    const m = `${kind}${(++this.serial).toString(36).toUpperCase()}Z${process.pid % 1000}`;
    this.secrets.add(m);
    return m;
  }

  /** Gives every caller a new session, after operations that end or replace one. */
  async renewSessions(): Promise<void> {
    for (const c of this.cases) {
      if (!c.user) continue;
      await this.t.database.db.delete(sessions).where(eq(sessions.userId, c.user.id));
      const token = await createSession(this.t.database.db, { userId: c.user.id, absoluteHours: 12 });
      c.user.cookie = `${SESSION_COOKIE}=${token}`;
    }
  }

  private async ok(as: TestUser, method: 'POST' | 'PATCH', url: string, body?: unknown) {
    const res = await this.t.call(as, method, url, body);
    if (res.status >= 300) throw new Error(`fixture ${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A project under construction in 麒麟区. */
  async project(): Promise<ProjectFixture> {
    const name = this.marker('矩阵项目');
    const code = projectCode('530302');
    this.secrets.add(code);
    const body = await this.ok(this.owner, 'POST', '/api/v1/projects', projectInput({ name, code, caseFile: this.marker('CASE') }));
    return { id: body.id, version: body.version, code, name };
  }

  /** A monthly report on a project of its own, moved along to `status`. */
  async report(status: 'draft' | 'submitted' | 'approved' = 'draft'): Promise<ReportFixture> {
    const project = await this.project();
    let body = await this.ok(this.owner, 'POST', `/api/v1/projects/${project.id}/reports`, { period: '2022-03', completedInvestment: '1000000', narrative: this.marker('矩阵月报') });
    if (status !== 'draft') body = await this.ok(this.owner, 'POST', `/api/v1/reports/${body.id}/submit`, {});
    if (status === 'approved') body = await this.ok(this.reviewer, 'POST', `/api/v1/reports/${body.id}/approve`, {});
    return { id: body.id, version: body.version, projectId: project.id };
  }

  /** A problem on a project of its own, moved along to `status`; raised by `raisedBy` (default: the owner). */
  async problem(status: 'open' | 'resolved' | 'escalated' = 'open', raisedBy?: TestUser | null): Promise<ProblemFixture> {
    const project = await this.project();
    let body = await this.ok(this.owner, 'POST', `/api/v1/projects/${project.id}/problems`, { title: this.marker('矩阵问题'), description: this.marker('矩阵描述'), dueOn: '2022-06-30' });
    if (status === 'resolved') body = await this.ok(this.owner, 'POST', `/api/v1/problems/${body.id}/resolve`, { resolution: '已协调解决' });
    if (status === 'escalated') body = await this.ok(this.owner, 'POST', `/api/v1/problems/${body.id}/escalate`, { meeting: { title: '专题协商会', heldOn: '2022-03-10' } });
    // Who raised a problem decides who may tick it off; a fixture may hand that to the caller.
    if (raisedBy) await this.t.database.db.update(problems).set({ raisedBy: raisedBy.id }).where(eq(problems.id, body.id));
    return { id: body.id, version: body.version, projectId: project.id };
  }

  /** An enterprise followed by 麒麟区. */
  async enterprise(): Promise<{ id: number; name: string; creditCode: string }> {
    const name = this.marker('矩阵企业');
    const creditCode = this.creditCode();
    const body = await this.ok(this.admin, 'POST', '/api/v1/enterprises', { creditCode, name, regionCode: '530302', kind: 'target' });
    return { id: body.id, name, creditCode };
  }

  /** A 麒麟区 user, locked out after failed sign-ins. */
  async lockedUser(): Promise<{ id: number; username: string }> {
    const username = `matrix.user.${this.fresh('u')}`;
    this.secrets.add(username);
    const body = await this.ok(this.admin, 'POST', '/api/v1/users', { username, displayName: this.marker('矩阵用户'), regionCode: '530302', roles: ['reporter'], password: 'Matrix-password-1' });
    await this.t.database.db.update(users).set({ failedLogins: 5, lockedUntil: sql`now() + interval '15 minutes'` }).where(eq(users.id, body.id));
    return { id: body.id, username };
  }

  /** A valid unified social credit code (GB 32100) not used before; a secret once used. */
  creditCode(): string {
    const first17 = `91530302MA${String(++this.serial).padStart(6, '0')}${(process.pid % 10).toString()}`.slice(0, 17);
    const code = first17 + creditCodeCheckChar(first17)!;
    this.secrets.add(code);
    return code;
  }

  /** A name for something the caller creates: distinct, and not a secret. */
  fresh(prefix: string): string {
    return `${prefix}${(++this.serial).toString(36)}${process.pid % 1000}`;
  }
}
