import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chinaDate, normalizeYuan } from '@guatu/core';
import { errorResponses, idParam } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { notFound } from '../../http/errors.js';
import { createProject } from './create-project.js';
import { updateProject } from './update-project.js';
import { transitionStage } from './transition-stage.js';
import { presentProject } from './present-project.js';
import { findProject, listProjectPoints, listProjects, listStageChanges, type ProjectPage } from './projects.repository.js';
import { listWarning, projectWarning } from './present-warning.js';
import { warningsOf } from '../filters/warnings.repository.js';
import type { ProjectFilter } from '../filters/filters.schemas.js';
import type { Actor } from '../../policies/actor.js';
import {
  createProjectBody,
  listProjectsQuery,
  projectBody,
  projectDetailBody,
  projectDetailQuery,
  projectListBody,
  projectPointBody,
  projectPointsQuery,
  searchProjectsBody,
  stageChangeBody,
  transitionBody,
  updateProjectBody,
} from './projects.schemas.js';

/** A map draws at most this many points; more would not be readable anyway. */
const MAX_POINTS = 20_000;

export async function projectRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const database = app.database;

  const list = async (actor: Actor, filter: ProjectFilter, paging: ProjectPage) => {
    const asOf = filter.asOf ?? chinaDate();
    const { items, total } = await listProjects(database.db, actor, filter, paging, asOf);
    const warnings = await warningsOf(database.db, actor, asOf, items.map((p) => p.id));
    return {
      items: items.map(({ regionLevel, ...p }) => ({
        ...p,
        managedByPrefecture: regionLevel === 'prefecture',
        totalInvestment: normalizeYuan(p.totalInvestment)!,
        ...listWarning(warnings.get(p.id)),
      })),
      total,
      page: paging.page,
      pageSize: paging.pageSize,
      asOf,
    };
  };

  r.get(
    '/projects',
    {
      schema: {
        tags: ['projects'],
        summary: 'Projects in the user’s region, filtered (the statistics engine’s filter), sorted and paged on the server',
        querystring: listProjectsQuery,
        response: { 200: projectListBody, ...errorResponses },
      },
    },
    async (request) => {
      const { sort, order, page, pageSize, ...filter } = request.query;
      return list(actorOf(request), filter, { sort, order, page, pageSize });
    },
  );

  r.get(
    '/projects/points',
    {
      schema: {
        tags: ['projects'],
        summary: 'Where the filtered projects are, for the battle map: coordinates, stage and warning light',
        querystring: projectPointsQuery,
        response: { 200: z.object({ items: z.array(projectPointBody), truncated: z.boolean(), asOf: z.string() }), ...errorResponses },
      },
    },
    async (request) => {
      const asOf = request.query.asOf ?? chinaDate();
      const rows = await listProjectPoints(database.db, actorOf(request), request.query, asOf, MAX_POINTS + 1);
      return { items: rows.slice(0, MAX_POINTS).map((p) => ({ ...p, id: Number(p.id) })), truncated: rows.length > MAX_POINTS, asOf };
    },
  );

  r.post(
    '/projects/search',
    {
      schema: {
        tags: ['projects'],
        summary: 'The project list with the filter as JSON: the projects behind a statistics figure',
        body: searchProjectsBody,
        response: { 200: projectListBody, ...errorResponses },
      },
    },
    async (request) => {
      const { filter, ...paging } = request.body;
      return list(actorOf(request), filter, paging);
    },
  );

  r.post(
    '/projects',
    {
      schema: {
        tags: ['projects'],
        summary: 'Record a project',
        body: createProjectBody,
        response: { 201: projectBody, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createProject(database, actorOf(request), request.body)),
  );

  r.get(
    '/projects/:id',
    {
      schema: {
        tags: ['projects'],
        summary: 'One project with its plans, 四个一, warning light and the actions the user may take',
        params: idParam,
        querystring: projectDetailQuery,
        response: { 200: projectDetailBody, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await findProject(database.db, actor, request.params.id);
      if (!row) throw notFound('project');
      const warning = await projectWarning(database.db, actor, row.project.id, request.query.asOf ?? chinaDate());
      return { ...presentProject(actor, row), warning };
    },
  );

  r.patch(
    '/projects/:id',
    {
      schema: {
        tags: ['projects'],
        summary: 'Change a project; send the version you read (409 if it is stale)',
        params: idParam,
        body: updateProjectBody,
        response: { 200: projectBody, ...errorResponses },
      },
    },
    async (request) => updateProject(database, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/projects/:id/transitions',
    {
      schema: {
        tags: ['projects'],
        summary: 'Move the project to its next stage (409 names the allowed ones)',
        params: idParam,
        body: transitionBody,
        response: { 200: projectBody, ...errorResponses },
      },
    },
    async (request) => transitionStage(database, actorOf(request), request.params.id, request.body),
  );

  r.get(
    '/projects/:id/stage-history',
    {
      schema: {
        tags: ['projects'],
        summary: 'Every stage the project went through: when, by whom, why',
        params: idParam,
        response: { 200: z.object({ items: z.array(stageChangeBody) }), ...errorResponses },
      },
    },
    async (request) => {
      const row = await findProject(database.db, actorOf(request), request.params.id);
      if (!row) throw notFound('project');
      const items = await listStageChanges(database.db, row.project.id);
      return { items: items.map((c) => ({ ...c, changedAt: c.changedAt.toISOString() })) };
    },
  );
}
