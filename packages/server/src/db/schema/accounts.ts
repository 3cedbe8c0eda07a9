import { boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { at, id, ref } from './columns.js';
import { regions } from './regions.js';

export const users = pgTable('users', {
  id: id(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  regionCode: text('region_code')
    .notNull()
    .references(() => regions.code),
  roles: text('roles').array().notNull(),
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: at('locked_until'),
  passwordChangedAt: at('password_changed_at').notNull().defaultNow(),
  createdAt: at('created_at').notNull().defaultNow(),
});

/** Server-side sessions. The cookie carries a random token; only its hash is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: at('created_at').notNull().defaultNow(),
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
