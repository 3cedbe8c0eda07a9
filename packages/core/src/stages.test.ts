import { describe, expect, it } from 'vitest';
import { ENTRY_STAGES, OC4IDS_STATUS, STAGES, checkTransition, isEntryStage, nextStages } from './stages.js';

describe('stage machine', () => {
  it('runs the investment-attraction pipeline lead → operating', () => {
    const path = ['lead', 'negotiating', 'signed', 'preparation', 'construction', 'completed', 'operating'] as const;
    for (let i = 0; i + 1 < path.length; i++) {
      expect(checkTransition({ kind: 'investment-attraction', stage: path[i]! }, path[i + 1]!)).toEqual({ ok: true });
    }
  });

  it('runs the government pipeline from planning', () => {
    expect(checkTransition({ kind: 'government', stage: 'planning' }, 'preparation').ok).toBe(true);
    expect(isEntryStage('government', 'lead')).toBe(false);
    expect(isEntryStage('government', 'planning')).toBe(true);
    expect(isEntryStage('investment-attraction', 'planning')).toBe(false);
  });

  it('names the allowed next stages when a transition is illegal', () => {
    expect(checkTransition({ kind: 'investment-attraction', stage: 'lead' }, 'construction')).toEqual({
      ok: false,
      rule: 'stage.illegal',
      allowed: ['negotiating', 'suspended', 'cancelled'],
    });
  });

  it('lets construction finish either as completed or straight into production', () => {
    expect(nextStages({ kind: 'investment-attraction', stage: 'construction' })).toEqual([
      'completed',
      'operating',
      'suspended',
      'cancelled',
    ]);
  });

  it('resumes a suspended project where it stopped, and nowhere else', () => {
    const state = { kind: 'investment-attraction' as const, stage: 'suspended' as const, suspendedFrom: 'preparation' as const };
    expect(nextStages(state)).toEqual(['preparation', 'cancelled']);
    expect(checkTransition(state, 'construction').ok).toBe(false);
  });

  it('treats cancelled and operating as final, and completed works as not suspendable', () => {
    expect(nextStages({ kind: 'government', stage: 'cancelled' })).toEqual([]);
    expect(nextStages({ kind: 'government', stage: 'operating' })).toEqual([]);
    expect(nextStages({ kind: 'government', stage: 'completed' })).toEqual(['operating']);
  });

  it('never offers a transition to the same stage, and every entry stage is a stage', () => {
    for (const stage of STAGES) {
      for (const kind of ['investment-attraction', 'government'] as const) {
        expect(nextStages({ kind, stage, suspendedFrom: 'lead' })).not.toContain(stage);
      }
    }
    for (const list of Object.values(ENTRY_STAGES)) for (const s of list) expect(STAGES).toContain(s);
  });

  it('maps every stage to an OC4IDS projectStatus', () => {
    expect(OC4IDS_STATUS.negotiating).toBe('identification');
    expect(OC4IDS_STATUS.construction).toBe('implementation');
    expect(OC4IDS_STATUS.operating).toBe('completion');
    for (const s of STAGES) expect(OC4IDS_STATUS[s]).toBeTruthy();
  });
});
