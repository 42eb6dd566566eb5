import { type DbOrTx, schema } from '@pc/db';
import { eq, lt } from 'drizzle-orm';

/** Claims a slot; false when another process (or an earlier tick) already has it. */
export async function claimSlot(
  tx: DbOrTx,
  row: { key: string; name: string; slotAt: Date; enqueuedAt: Date },
): Promise<boolean> {
  const r = await tx
    .insert(schema.jobSlots)
    .values(row)
    .onConflictDoNothing()
    .returning({ key: schema.jobSlots.key });
  return r.length === 1;
}

export function setSlotJob(tx: DbOrTx, key: string, jobId: string | null) {
  return tx.update(schema.jobSlots).set({ jobId }).where(eq(schema.jobSlots.key, key));
}

export async function deleteSlotsBefore(db: DbOrTx, before: Date): Promise<number> {
  const r = await db
    .delete(schema.jobSlots)
    .where(lt(schema.jobSlots.slotAt, before))
    .returning({ key: schema.jobSlots.key });
  return r.length;
}
