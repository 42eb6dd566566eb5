import { type DbOrTx, schema } from '@pc/db';
import { and, desc, eq, sql } from 'drizzle-orm';

const { operatorInvitations } = schema;

export type InvitationRow = typeof operatorInvitations.$inferSelect;

export async function insertInvitation(
  db: DbOrTx,
  row: typeof operatorInvitations.$inferInsert,
): Promise<InvitationRow> {
  const [r] = await db.insert(operatorInvitations).values(row).returning();
  if (!r) throw new Error('operator invitation insert returned nothing');
  return r;
}

/** The invitation, locked for the caller's transaction (resend, revoke and accept take it first). */
export async function lockInvitation(db: DbOrTx, id: string): Promise<InvitationRow | undefined> {
  const [r] = await db.select().from(operatorInvitations).where(eq(operatorInvitations.id, id)).for('update');
  return r;
}

/** The open invitation to the address, locked. */
export async function lockPendingInvitationFor(
  db: DbOrTx,
  email: string,
): Promise<InvitationRow | undefined> {
  const [r] = await db
    .select()
    .from(operatorInvitations)
    .where(
      and(
        eq(operatorInvitations.status, 'pending'),
        sql`lower(${operatorInvitations.email}) = ${email.toLowerCase()}`,
      ),
    )
    .for('update');
  return r;
}

export function listPendingInvitations(db: DbOrTx): Promise<InvitationRow[]> {
  return db
    .select()
    .from(operatorInvitations)
    .where(eq(operatorInvitations.status, 'pending'))
    .orderBy(desc(operatorInvitations.createdAt), desc(operatorInvitations.id));
}

export async function updateInvitation(
  db: DbOrTx,
  id: string,
  patch: Partial<typeof operatorInvitations.$inferInsert>,
): Promise<InvitationRow> {
  const [r] = await db
    .update(operatorInvitations)
    .set(patch)
    .where(eq(operatorInvitations.id, id))
    .returning();
  if (!r) throw new Error(`operator invitation ${id} vanished`);
  return r;
}
