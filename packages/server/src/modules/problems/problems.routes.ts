import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PROBLEM_ACTIONS, chinaDate } from '@guatu/core';
import { errorResponses, idParam } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { notFound } from '../../http/errors.js';
import { raiseProblem } from './raise-problem.js';
import { updateProblem } from './update-problem.js';
import { actOnProblem } from './act-on-problem.js';
import { presentProblem } from './present-problem.js';
import { findProblem, listProblemEvents, listProblems } from './problems.repository.js';
import { listProblemsQuery, problemActionBody, problemBody, problemEventBody, raiseProblemBody, updateProblemBody } from './problems.schemas.js';

const SUMMARIES: Record<(typeof PROBLEM_ACTIONS)[number], string> = {
  accept: 'Take the problem in hand',
  resolve: 'Report it resolved, with the resolution',
  confirm: 'Tick it off (销号): the raiser accepts the resolution',
  reject: 'Send it back: the raiser does not accept the resolution (comment required)',
  escalate: 'Send it to a coordination meeting (协商会办)',
  decide: 'Record the coordination meeting’s decision',
};

export async function problemRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const database = app.database;

  r.get(
    '/problems',
    {
      schema: {
        tags: ['problems'],
        summary: 'Problems in the user’s region: open, overdue, by status, project or region',
        querystring: listProblemsQuery,
        response: { 200: z.object({ items: z.array(problemBody), total: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const today = chinaDate();
      const { items, total } = await listProblems(database.db, actor, request.query, today);
      return { items: items.map((row) => presentProblem(actor, row, today)), total };
    },
  );

  r.post(
    '/projects/:id/problems',
    {
      schema: {
        tags: ['problems'],
        summary: 'Raise a problem on a project, with who answers for it and by when',
        params: idParam,
        body: raiseProblemBody,
        response: { 201: problemBody, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await raiseProblem(database, actorOf(request), request.params.id, request.body)),
  );

  r.get(
    '/problems/:id',
    { schema: { tags: ['problems'], summary: 'One problem', params: idParam, response: { 200: problemBody, ...errorResponses } } },
    async (request) => {
      const actor = actorOf(request);
      const row = await findProblem(database.db, actor, request.params.id);
      if (!row) throw notFound('problem');
      return presentProblem(actor, row);
    },
  );

  r.patch(
    '/problems/:id',
    {
      schema: {
        tags: ['problems'],
        summary: 'Change the title, description, responsible unit, leader or due date',
        params: idParam,
        body: updateProblemBody,
        response: { 200: problemBody, ...errorResponses },
      },
    },
    async (request) => updateProblem(database, actorOf(request), request.params.id, request.body),
  );

  for (const action of PROBLEM_ACTIONS) {
    r.post(
      `/problems/:id/${action}`,
      { schema: { tags: ['problems'], summary: SUMMARIES[action], params: idParam, body: problemActionBody.nullish(), response: { 200: problemBody, ...errorResponses } } },
      async (request) => actOnProblem(database, actorOf(request), request.params.id, action, request.body ?? {}),
    );
  }

  r.get(
    '/problems/:id/events',
    {
      schema: {
        tags: ['problems'],
        summary: 'The history of a problem',
        params: idParam,
        response: { 200: z.object({ items: z.array(problemEventBody) }), ...errorResponses },
      },
    },
    async (request) => {
      const row = await findProblem(database.db, actorOf(request), request.params.id);
      if (!row) throw notFound('problem');
      const items = await listProblemEvents(database.db, row.problem.id);
      return { items: items.map((e) => ({ ...e, at: e.at.toISOString() })) };
    },
  );
}
