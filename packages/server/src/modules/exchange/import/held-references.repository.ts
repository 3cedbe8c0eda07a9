import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../../db/client.js';

/**
 * An import writes up to 100,000 new reports and as many first events. Checked row by row, their
 * five foreign keys (project, created_by, updated_by; the event's report and actor) cost the
 * database about three times the writing itself. An import can instead hold what those keys
 * point to once, for its whole transaction: the projects it writes to are locked FOR UPDATE when
 * first looked up (stronger than the KEY SHARE lock each check takes), the importing user's row
 * is held here, and each event's report is created by the same statement. With those held, the
 * per-row checks could only pass, and the rows are written with them switched off for that one
 * statement (`session_replication_role = replica`, as pg_restore does).
 *
 * Switching them off needs the superuser (PGlite's only role) or, from PostgreSQL 15, a grant of
 * SET on that parameter. A server connected as an ordinary role writes with the per-row checks.
 */
export interface HeldReferences {
  /** The importing user's id, held until the transaction ends; null for the system. */
  userId: number | null;
}

/** Holds the importing user for this transaction when per-row checks may be switched off; null when they may not. */
export async function holdReferences(tx: Db, userId: number | null): Promise<HeldReferences | null> {
  const [role] = rowsOf<{ super: boolean; version: number }>(
    await tx.execute(sql`select rolsuper as super, current_setting('server_version_num')::int as version from pg_roles where rolname = current_user`),
  );
  if (!role) return null;
  if (!role.super) {
    // has_parameter_privilege is PostgreSQL 15's; before it, only the superuser may.
    if (role.version < 150000) return null;
    const [granted] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select has_parameter_privilege('session_replication_role', 'SET') as ok`));
    if (!granted?.ok) return null;
  }
  if (userId !== null) {
    if (!rowsOf(await tx.execute(sql`select id from users where id = ${userId} for key share`)).length) return null;
  }
  return { userId };
}

/**
 * Runs one statement with the per-row trigger checks switched off, then on again. Only for rows
 * whose references `holdReferences` (and the project lock) already hold, and on tables whose
 * other triggers would not fire for them (see the test beside this file).
 *
 * The three statements are sent together: a transaction's statements run one after another in
 * the order they were sent (PGlite's queue, node-postgres's queue on the one connection), so the
 * database goes from one to the next without waiting for this thread to hear back in between.
 */
export async function withRowTriggersOff<T>(tx: Db, statement: () => Promise<T>): Promise<T> {
  const off = tx.execute(sql`select set_config('session_replication_role', 'replica', true)`);
  const result = statement();
  const on = tx.execute(sql`select set_config('session_replication_role', 'origin', true)`);
  const [, value] = await Promise.all([off, result, on]);
  return value;
}
