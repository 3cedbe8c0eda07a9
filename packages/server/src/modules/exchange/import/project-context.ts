import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../policies/actor.js';
import { findProjectsByCodes } from '../exchange.repository.js';
import { stateOf, type ProjectState, type ProjectsPlan } from './plan-projects.js';

export interface KnownProject {
  /** null for a project the import will create (a dry run never gives it an id). */
  id: number | null;
  state: ProjectState;
}

/**
 * The projects an import has met so far, as they will be once it is written: those its project
 * sheets create or change, and those plan and report rows name, looked up (and, when writing,
 * locked) inside the actor's region the first time they are named. null: no such project there.
 */
export class ProjectContext {
  readonly byCode = new Map<string, KnownProject | null>();

  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
    private readonly lock: boolean,
  ) {}

  async ensure(codes: Iterable<string>): Promise<void> {
    const missing = [...new Set(codes)].filter((c) => !this.byCode.has(c));
    if (!missing.length) return;
    const found = await findProjectsByCodes(this.db, this.actor, missing, { lock: this.lock });
    for (const code of missing) {
      const p = found.get(code);
      this.byCode.set(code, p ? { id: p.id, state: stateOf(p) } : null);
    }
  }

  /** Takes in what a project sheet decided (and, once written, the ids of the projects it created). */
  absorb(plan: Pick<ProjectsPlan, 'byCode'>): void {
    for (const [code, known] of plan.byCode) this.byCode.set(code, known);
  }
}
