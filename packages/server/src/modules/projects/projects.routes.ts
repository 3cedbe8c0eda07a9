import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { normalizeYuan } from '@guatu/core';
import { errorResponses, idParam } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { notFound } from '../../http/errors.js';
import { createProject } from './create-project.js';
import { updateProject } from './update-project.js';
import { transitionStage } from './transition-stage.js';
import { presentProject } from './present-project.js';
import { findProject, listProjectPoints, listProjects, listStageChanges } from './projects.repository.js';
import {
  createProjectBody,
  listProjectsQuery,
  projectBody,
  projectPointBody,
  projectPointsQuery,
  projectSummaryBody,
  stageChangeBody,
  transitionBody,
  updateProjectBody,
} from './projects.schemas.js';

/** A map draws at most this many points; more would not be readable anyway. */
const MAX_POINTS = 20_000;

export async function projectRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const database = app.database;

  r.get(
    '/projects',
    {
      schema: {
        tags: ['projects'],
        summary: 'Projects in the user’s region, filtered, sorted and paged on the server',
        querystring: listProjectsQuery,
        response: { 200: z.object({ items: z.array(projectSummaryBody), total: z.number(), page: z.number(), pageSize: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const { items, total } = await listProjects(database.db, actorOf(request), request.query);
      return {
        items: items.map(({ regionLevel, ...p }) => ({ ...p, managedByPrefecture: regionLevel === 'prefecture', totalInvestment: normalizeYuan(p.totalInvestment)! })),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  r.get(
    '/projects/points',
    {
      schema: {
        tags: ['projects'],
        summary: 'Where the filtered projects are, for the battle map: id, name, coordinates, stage',
        querystring: projectPointsQuery,
        response: { 200: z.object({ items: z.array(projectPointBody), truncated: z.boolean() }), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listProjectPoints(database.db, actorOf(request), request.query, MAX_POINTS + 1);
      return { items: rows.slice(0, MAX_POINTS).map((p) => ({ ...p, longitude: p.longitude!, latitude: p.latitude! })), truncated: rows.length > MAX_POINTS };
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
    { schema: { tags: ['projects'], summary: 'One project with its plans, 四个一 and the actions the user may take', params: idParam, response: { 200: projectBody, ...errorResponses } } },
    async (request) => {
      const actor = actorOf(request);
      const row = await findProject(database.db, actor, request.params.id);
      if (!row) throw notFound('project');
      return presentProject(actor, row);
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
