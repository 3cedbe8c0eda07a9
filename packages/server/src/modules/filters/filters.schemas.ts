import { z } from 'zod';
import { LIGHTS, MANAGED_BY, PROJECT_KINDS, PROJECT_LEVELS, SIZE_BAND_CODES, STAGES, WARNING_REASONS } from '@guatu/core';
import { isoDate, listParam, regionCode, yuan } from '../../http/schemas.js';

/** A date in a filter: within 1900–2100, so that shifting it a year for yoy stays a valid date. */
export const filterDate = () => isoDate().refine((v) => v >= '1900-01-01' && v <= '2100-12-31', { error: () => 'date.range' });

/**
 * One filter model for projects, shared by the statistics engine (a JSON body) and the project list
 * (a query string). Both compile to the same SQL (filters.repository.ts), so the projects behind a
 * figure and the list with the same filter are always the same projects.
 */
type Mode = 'body' | 'query';

const recordId = (mode: Mode) =>
  (mode === 'query' ? z.coerce.number() : z.number()).int().positive().max(Number.MAX_SAFE_INTEGER);

const list = <T extends z.ZodType>(mode: Mode, item: T, max = 200) => (mode === 'query' ? listParam(item) : z.array(item).max(max).optional());

export function projectFilterShape(mode: Mode) {
  return {
    region: regionCode().optional().meta({ description: 'A region code: its whole subtree' }),
    regions: list(mode, regionCode()).meta({ description: 'Region codes: the union of their subtrees' }),
    managedBy: z.enum(MANAGED_BY).optional().meta({ description: '`prefecture`: 市直 projects, managed by the prefecture itself; `county`: the others' }),
    categories: list(mode, z.string().max(60)).meta({ description: 'Category codes, each with its descendants' }),
    stages: list(mode, z.enum(STAGES)),
    levels: list(mode, z.enum(PROJECT_LEVELS)),
    kinds: list(mode, z.enum(PROJECT_KINDS)),
    startedFrom: filterDate().optional().meta({ description: 'Start date (开工) on or after' }),
    startedTo: filterDate().optional().meta({ description: 'Start date (开工) on or before' }),
    signedFrom: filterDate().optional(),
    signedTo: filterDate().optional(),
    completedFrom: filterDate().optional(),
    completedTo: filterDate().optional(),
    batch: recordId(mode).optional().meta({ description: 'A concentrated-start batch (集中开工): its projects' }),
    keyList: recordId(mode).optional().meta({ description: 'A key list: the projects on it now' }),
    group: recordId(mode).optional().meta({ description: 'A 包保 group: projects whose responsible region lies in a region it covers' }),
    minTotalInvestment: yuan().optional().meta({ description: 'Total investment at least (yuan)' }),
    maxTotalInvestment: yuan().optional().meta({ description: 'Total investment at most (yuan)' }),
    sizeBands: list(mode, z.enum(SIZE_BAND_CODES)).meta({ description: `Size bands: ${SIZE_BAND_CODES.join(', ')}` }),
    lights: list(mode, z.enum(LIGHTS)).meta({ description: 'Warning lights (预警) as of `asOf`' }),
    warnings: list(mode, z.enum(WARNING_REASONS)).meta({ description: 'Projects with any of these warning reasons as of `asOf`' }),
    asOf: filterDate().optional().meta({ description: 'The day warnings are judged on; today if omitted' }),
    ids: list(mode, recordId(mode), 10_000).meta({ description: 'Project ids' }),
    q: z.string().max(100).optional().meta({ description: 'Part of the name, or the start of the code' }),
  };
}

const bodyShape = projectFilterShape('body');
export const projectFilterBody = z.strictObject(bodyShape).meta({ id: 'ProjectFilter' });
export type ProjectFilter = z.infer<typeof projectFilterBody>;

/** Filter fields whose values are dates; a year-on-year comparison shifts them back a year. */
export const DATED_FILTERS = ['startedFrom', 'startedTo', 'signedFrom', 'signedTo', 'completedFrom', 'completedTo', 'asOf'] as const;
