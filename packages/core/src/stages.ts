/**
 * The project pipeline: 在谈促签约、签约促开工、开工项目促投产.
 * An investment-attraction project runs lead → negotiating → signed → preparation → construction →
 * completed → operating; a government project starts at planning (谋划/储备). Any live stage can be
 * suspended or cancelled; a suspended project resumes where it stopped.
 */
export const PROJECT_KINDS = ['investment-attraction', 'government'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export const STAGES = [
  'lead',
  'negotiating',
  'signed',
  'planning',
  'preparation',
  'construction',
  'completed',
  'operating',
  'suspended',
  'cancelled',
] as const;
export type Stage = (typeof STAGES)[number];

const FORWARD: Record<Stage, readonly Stage[]> = {
  lead: ['negotiating'],
  negotiating: ['signed'],
  signed: ['preparation'],
  planning: ['preparation'],
  preparation: ['construction'],
  construction: ['completed', 'operating'],
  completed: ['operating'],
  operating: [],
  suspended: [],
  cancelled: [],
};

/** Stages from which work can still be halted. Completed works are finished, not suspended. */
const LIVE: ReadonlySet<Stage> = new Set(['lead', 'negotiating', 'signed', 'planning', 'preparation', 'construction']);

/** Stages a project of each kind may be recorded at when it first enters Guatu (e.g. imported mid-way). */
export const ENTRY_STAGES: Record<ProjectKind, readonly Stage[]> = {
  'investment-attraction': ['lead', 'negotiating', 'signed', 'preparation', 'construction', 'completed', 'operating'],
  government: ['planning', 'preparation', 'construction', 'completed', 'operating'],
};

/** Stages that need a dated fact on the project: entering them sets that date. */
export const STAGE_DATE_FIELD: Partial<Record<Stage, 'signedOn' | 'startedOn' | 'completedOn'>> = {
  signed: 'signedOn',
  construction: 'startedOn',
  completed: 'completedOn',
  operating: 'completedOn',
};

export interface StageState {
  kind: ProjectKind;
  stage: Stage;
  /** The stage a suspended project was halted at; it resumes there. */
  suspendedFrom?: Stage | null;
}

export function nextStages(state: StageState): Stage[] {
  const { kind, stage } = state;
  if (stage === 'suspended') {
    const back = state.suspendedFrom && state.suspendedFrom !== 'suspended' ? [state.suspendedFrom] : [];
    return [...back, 'cancelled'];
  }
  const forward = FORWARD[stage].filter((s) => kind === 'investment-attraction' || s !== 'signed');
  return LIVE.has(stage) ? [...forward, 'suspended', 'cancelled'] : [...forward];
}

export type TransitionCheck = { ok: true } | { ok: false; rule: 'stage.illegal'; allowed: Stage[] };

export function checkTransition(state: StageState, to: Stage): TransitionCheck {
  const allowed = nextStages(state);
  return allowed.includes(to) ? { ok: true } : { ok: false, rule: 'stage.illegal', allowed };
}

export function isEntryStage(kind: ProjectKind, stage: Stage): boolean {
  return ENTRY_STAGES[kind].includes(stage);
}

/** Stages at which money moves, so a monthly report can be filed: from signing to production. */
export const REPORTING_STAGES: readonly Stage[] = ['signed', 'preparation', 'construction', 'completed', 'operating', 'suspended'];

/** Projects expected to report every month: the ones being prepared or built. */
export const ACTIVE_STAGES: readonly Stage[] = ['preparation', 'construction'];

/** OC4IDS 0.9 projectStatus for each stage (brief, "Stage ↔ OC4IDS projectStatus"). */
export const OC4IDS_STATUS: Record<Stage, 'identification' | 'preparation' | 'implementation' | 'completion' | 'cancelled'> = {
  lead: 'identification',
  negotiating: 'identification',
  signed: 'identification',
  planning: 'identification',
  preparation: 'preparation',
  construction: 'implementation',
  completed: 'completion',
  operating: 'completion',
  suspended: 'implementation',
  cancelled: 'cancelled',
};
