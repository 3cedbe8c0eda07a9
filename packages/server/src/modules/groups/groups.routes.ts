import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParam } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { notFound } from '../../http/errors.js';
import { createGroup } from './create-group.js';
import { updateGroup } from './update-group.js';
import { presentGroup } from './present-group.js';
import { findGroup, listGroups } from './groups.repository.js';
import { createGroupBody, groupBody, listGroupsQuery, updateGroupBody } from './groups.schemas.js';

/** 包保 groups. Their projects are a statistics filter: `{ "filter": { "group": id } }`. */
export async function groupRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const database = app.database;

  r.get(
    '/accountability-groups',
    {
      schema: {
        tags: ['accountability groups'],
        summary: '包保 groups in the user’s region',
        querystring: listGroupsQuery,
        response: { 200: z.object({ items: z.array(groupBody), total: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { items, total } = await listGroups(database.db, actor, request.query);
      return { items: items.map((row) => presentGroup(actor, row)), total };
    },
  );

  r.post(
    '/accountability-groups',
    { schema: { tags: ['accountability groups'], summary: 'Set up a 包保 group', body: createGroupBody, response: { 201: groupBody, ...errorResponses } } },
    async (request, reply) => reply.code(201).send(await createGroup(database, actorOf(request), request.body)),
  );

  r.get(
    '/accountability-groups/:id',
    { schema: { tags: ['accountability groups'], summary: 'One 包保 group', params: idParam, response: { 200: groupBody, ...errorResponses } } },
    async (request) => {
      const actor = actorOf(request);
      const row = await findGroup(database.db, actor, request.params.id);
      if (!row) throw notFound('group');
      return presentGroup(actor, row);
    },
  );

  r.patch(
    '/accountability-groups/:id',
    {
      schema: {
        tags: ['accountability groups'],
        summary: 'Change a group’s leader, members or covered regions; send the version you read',
        params: idParam,
        body: updateGroupBody,
        response: { 200: groupBody, ...errorResponses },
      },
    },
    async (request) => updateGroup(database, actorOf(request), request.params.id, request.body),
  );
}
