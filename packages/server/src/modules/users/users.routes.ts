import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '@guatu/core';
import { errorResponses, idParam, regionCode } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { forbidden, notFound } from '../../http/errors.js';
import { may } from '../../policies/abilities.js';
import { createUser } from './create-user.js';
import { unlockAccount } from './unlock-user.js';
import { findUser, listUsers } from './users.repository.js';

const userBody = z
  .object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    roles: z.array(z.string()),
    active: z.boolean(),
    locked: z.boolean(),
    lockedUntil: z.string().nullable(),
  })
  .meta({ id: 'User' });

type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;
const present = (u: UserRow) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  regionCode: u.regionCode,
  regionName: u.regionName,
  roles: u.roles,
  active: u.active,
  locked: !!u.lockedUntil && u.lockedUntil > new Date(),
  lockedUntil: u.lockedUntil?.toISOString() ?? null,
});

export async function userRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const database = app.database;

  r.get(
    '/users',
    { schema: { tags: ['users'], summary: "Users in the administrator's region", response: { 200: z.object({ items: z.array(userBody) }), ...errorResponses } } },
    async (request) => {
      const actor = actorOf(request);
      if (!may.manageUsers(actor)) throw forbidden('role');
      return { items: (await listUsers(database.db, actor)).map(present) };
    },
  );

  r.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Add a user in a region inside the administrator’s own',
        body: z.strictObject({
          username: z.string().trim().min(2).max(64).regex(/^[A-Za-z0-9_.@-]+$/),
          displayName: z.string().trim().min(1).max(64),
          regionCode: regionCode(),
          roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
          password: z.string().min(1).max(256),
        }),
        response: { 201: userBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = await createUser(database, actor, request.body);
      return reply.code(201).send(present((await findUser(database.db, actor, id))!));
    },
  );

  r.post(
    '/users/:id/unlock',
    {
      schema: {
        tags: ['users'],
        summary: 'Unlock an account locked after failed sign-ins',
        params: idParam,
        response: { 200: userBody, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const user = await findUser(database.db, actor, request.params.id);
      if (!user) throw notFound('user');
      await unlockAccount(database, actor, user);
      return present((await findUser(database.db, actor, user.id))!);
    },
  );
}
