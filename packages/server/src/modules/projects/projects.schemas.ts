import { z } from 'zod';
import { LIGHTS, PROJECT_KINDS, PROJECT_LEVELS, STAGES, WARNING_REASONS } from '@guatu/core';
import { attributes, isoDate, optionalText, page, pageSize, projectCode, regionCode, version, yuan } from '../../http/schemas.js';
import { projectFilterBody, projectFilterShape } from '../filters/filters.schemas.js';

const coordinate = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d{1,3}(\.\d{1,6})?$/, { error: () => 'format' })
    .refine((v) => Number(v) >= min && Number(v) <= max, { error: () => 'format' });

const annualPlan = z.strictObject({ year: z.number().int().min(2000).max(2100), amount: yuan() });

const liaisonLeader = z.strictObject({ name: z.string().trim().min(1).max(50), title: z.string().max(100).nullish() });

/** The fields a user sets on a project; the stage dates and history come from transitions. */
const editable = {
  name: z.string().trim().min(2).max(200),
  kind: z.enum(PROJECT_KINDS),
  regionCode: regionCode(),
  locationRegionCode: regionCode().nullish(),
  longitude: coordinate(-180, 180).nullish().meta({ description: 'WGS-84 longitude as a decimal string' }),
  latitude: coordinate(-90, 90).nullish().meta({ description: 'WGS-84 latitude as a decimal string' }),
  categoryCode: z.string().max(60),
  level: z.enum(PROJECT_LEVELS),
  totalInvestment: yuan(),
  agreementAmount: yuan().nullish(),
  annualPlans: z.array(annualPlan).max(30),
  investorEnterpriseId: z.number().int().positive().nullish(),
  liaisonLeader: liaisonLeader.nullish(),
  workingTeam: optionalText(1000),
  caseFile: optionalText(1000),
  attributes: attributes(),
  description: optionalText(4000),
};

export const createProjectBody = z.strictObject({
  code: projectCode(),
  ...editable,
  annualPlans: editable.annualPlans.default([]),
  attributes: editable.attributes.default({}),
  stage: z.enum(STAGES).meta({ description: 'The stage the project is at when it enters Guatu' }),
  signedOn: isoDate().nullish(),
  startedOn: isoDate().nullish(),
  completedOn: isoDate().nullish(),
});
export type CreateProjectInput = z.infer<typeof createProjectBody>;

/** A partial update: fields left out keep their value. */
export const updateProjectBody = z.strictObject(editable).partial().extend({ version: version() });
export type UpdateProjectInput = z.infer<typeof updateProjectBody>;

export const transitionBody = z.strictObject({
  to: z.enum(STAGES),
  on: isoDate().optional().meta({ description: 'When it happened (the start date for 开工); today if omitted' }),
  note: z.string().max(2000).optional(),
  agreementAmount: yuan().optional().meta({ description: 'Needed when signing, unless already recorded' }),
  version: version().optional(),
});

export const abilitiesBody = z.object({
  update: z.boolean(),
  transitions: z.array(z.enum(STAGES)),
  report: z.boolean(),
  raiseProblem: z.boolean(),
});

const projectSummaryShape = {
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(PROJECT_KINDS),
  regionCode: z.string(),
  regionName: z.string(),
  managedByPrefecture: z.boolean().meta({ description: '市直: the responsible region is the prefecture itself' }),
  categoryCode: z.string(),
  categoryName: z.string(),
  level: z.enum(PROJECT_LEVELS),
  stage: z.enum(STAGES),
  startedOn: z.string().nullable(),
  totalInvestment: z.string(),
  version: z.number(),
};

export const projectSummaryBody = z.object(projectSummaryShape).meta({ id: 'ProjectSummary' });

export const projectBody = z
  .object({
    ...projectSummaryShape,
    locationRegionCode: z.string().nullable(),
    locationRegionName: z.string().nullable(),
    longitude: z.string().nullable(),
    latitude: z.string().nullable(),
    suspendedFrom: z.enum(STAGES).nullable(),
    stageChangedOn: z.string().nullable(),
    signedOn: z.string().nullable(),
    completedOn: z.string().nullable(),
    agreementAmount: z.string().nullable(),
    annualPlans: z.array(z.object({ year: z.number(), amount: z.string() })),
    investor: z
      .object({ id: z.number(), name: z.string(), creditCode: z.string(), homeProvinceCode: z.string().nullable(), homeProvinceName: z.string().nullable() })
      .nullable(),
    liaisonLeader: z.object({ name: z.string(), title: z.string().nullable() }).nullable(),
    workingTeam: z.string().nullable(),
    caseFile: z.string().nullable(),
    attributes: z.record(z.string(), z.string()),
    description: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    updatedByName: z.string().nullable(),
    abilities: abilitiesBody,
  })
  .meta({ id: 'Project' });
export type ProjectBody = z.infer<typeof projectBody>;

export const PROJECT_SORTS = ['code', 'name', 'totalInvestment', 'startedOn', 'stage', 'updatedAt'] as const;

export type ProjectSort = (typeof PROJECT_SORTS)[number];

const paging = {
  sort: z.enum(PROJECT_SORTS).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page,
  pageSize,
};

/** The project list takes exactly the statistics engine's filter, as query parameters. */
export const listProjectsQuery = z.strictObject({ ...projectFilterShape('query'), ...paging });
export type ListProjectsQuery = z.infer<typeof listProjectsQuery>;

/** The same list with the filter as JSON, for filters too long for a URL (e.g. a figure's drilled ids). */
export const searchProjectsBody = z.strictObject({ filter: projectFilterBody.default({}), ...paging });
export type SearchProjectsInput = z.infer<typeof searchProjectsBody>;

export const warningReasonsBody = z.array(z.enum(WARNING_REASONS)).meta({ description: 'Why the light is not green' });

export const projectListItemBody = z
  .object({
    ...projectSummaryShape,
    locationRegionCode: z.string().nullable(),
    longitude: z.string().nullable(),
    latitude: z.string().nullable(),
    light: z.enum(LIGHTS).meta({ description: 'Warning light (预警) as of the filter’s `asOf` (today if omitted)' }),
    warningReasons: warningReasonsBody,
  })
  .meta({ id: 'ProjectListItem' });

export const projectListBody = z.object({ items: z.array(projectListItemBody), total: z.number(), page: z.number(), pageSize: z.number(), asOf: z.string() });

export const projectWarningBody = z
  .object({
    asOf: z.string(),
    light: z.enum(LIGHTS),
    reasons: warningReasonsBody,
    investment: z.object({
      period: z.string().meta({ description: 'The month judged: the one before `asOf`' }),
      light: z.enum(LIGHTS).nullable().meta({ description: 'null when there is no plan for the year' }),
      annualPlan: z.string().nullable(),
      completedYearToDate: z.string(),
      progressPercent: z.string().nullable(),
      elapsedPercent: z.string(),
      lagPoints: z.string().nullable(),
      thresholds: z.object({ yellow: z.string(), red: z.string() }),
    }),
    overdueMilestones: z.array(z.object({ id: z.number(), kind: z.string(), name: z.string().nullable(), plannedOn: z.string() })),
    overdueProblems: z.array(z.object({ id: z.number(), title: z.string(), dueOn: z.string() })),
  })
  .meta({ id: 'ProjectWarning' });

export const projectDetailBody = projectBody.extend({ warning: projectWarningBody }).meta({ id: 'ProjectDetail' });
export const projectDetailQuery = z.strictObject({ asOf: isoDate().optional().meta({ description: 'The day warnings are judged on; today if omitted' }) });

export const stageChangeBody = z
  .object({
    id: z.number(),
    fromStage: z.enum(STAGES).nullable(),
    toStage: z.enum(STAGES),
    effectiveOn: z.string(),
    note: z.string().nullable(),
    changedByName: z.string().nullable(),
    changedAt: z.string(),
  })
  .meta({ id: 'StageChange' });

/** Where the projects a filter selects are, for the battle map: the list's filter, without paging. */
export const projectPointsQuery = z.strictObject(projectFilterShape('query'));

export const projectPointBody = z
  .object({
    id: z.number(),
    name: z.string(),
    longitude: z.string(),
    latitude: z.string(),
    stage: z.enum(STAGES),
    regionCode: z.string(),
    light: z.enum(LIGHTS).meta({ description: 'Warning light (预警) as of the filter’s `asOf` (today if omitted)' }),
  })
  .meta({ id: 'ProjectPoint' });
