import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chinaDate } from '@guatu/core';
import { errorResponses, idParam } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { notFound } from '../../http/errors.js';
import { findProject } from '../projects/projects.repository.js';
import { addMilestone } from './add-milestone.js';
import { updateMilestone } from './update-milestone.js';
import { listMilestones, listOverdueMilestones } from './milestones.repository.js';
import { may } from '../../policies/abilities.js';
import { presentMilestone } from './present-milestone.js';
import {
  areaMilestoneBody,
  createMilestoneBody,
  milestoneBody,
  milestoneParams,
  milestonesQuery,
  overdueMilestonesQuery,
  updateMilestoneBody,
} from './milestones.schemas.js';

/** 节点: a project's schedule of milestones, each planned and (once it happens) dated. */
export async function milestoneRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const database = app.database;

  r.get(
    '/projects/:id/milestones',
    {
      schema: {
        tags: ['milestones'],
        summary: 'The project’s milestones, in planned order, each flagged when overdue',
        params: idParam,
        querystring: milestonesQuery,
        response: { 200: z.object({ items: z.array(milestoneBody) }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const project = await findProject(database.db, actor, request.params.id);
      if (!project) throw notFound('project');
      const today = request.query.asOf ?? chinaDate();
      return { items: (await listMilestones(database.db, project.project.id)).map((m) => presentMilestone(m, today, request.locale)) };
    },
  );

  r.get(
    '/milestones/overdue',
    {
      schema: {
        tags: ['milestones'],
        summary: 'Milestones past their planned date in the user’s region (or a region inside it), oldest first',
        querystring: overdueMilestonesQuery,
        response: { 200: z.object({ items: z.array(areaMilestoneBody), total: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const asOf = request.query.asOf ?? chinaDate();
      const { items, total } = await listOverdueMilestones(database.db, actor, { ...request.query, asOf });
      const update = may.editProjects(actor);
      return {
        total,
        items: items.map((row) => ({
          ...presentMilestone(row.milestone, asOf, request.locale),
          projectCode: row.projectCode,
          projectName: row.projectName,
          regionCode: row.regionCode,
          regionName: row.regionName,
          abilities: { update },
        })),
      };
    },
  );

  r.post(
    '/projects/:id/milestones',
    {
      schema: {
        tags: ['milestones'],
        summary: 'Add a milestone (立项, 可研, 初设, 用地, 环评, 施工许可, 开工, 主体完工, 竣工验收, 投产, or a named one)',
        params: idParam,
        body: createMilestoneBody,
        response: { 201: milestoneBody, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await addMilestone(database, actorOf(request), request.params.id, request.body)),
  );

  r.patch(
    '/projects/:id/milestones/:milestoneId',
    {
      schema: {
        tags: ['milestones'],
        summary: 'Record when a milestone happened, or move its plan; send the version you read',
        params: milestoneParams,
        body: updateMilestoneBody,
        response: { 200: milestoneBody, ...errorResponses },
      },
    },
    async (request) => updateMilestone(database, actorOf(request), request.params.id, request.params.milestoneId, request.body),
  );
}
