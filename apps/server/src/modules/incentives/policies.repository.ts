import { type DbOrTx, schema } from '@pc/db';
import { asc, eq, inArray, sql } from 'drizzle-orm';

const { incentivePolicies: policies, incentivePolicyVersions: versions } = schema;

export type PolicyRow = typeof policies.$inferSelect;
export type VersionRow = typeof versions.$inferSelect;

export function listPolicies(db: DbOrTx, program?: string): Promise<PolicyRow[]> {
  const q = db.select().from(policies);
  return (program ? q.where(eq(policies.program, program)) : q).orderBy(asc(policies.code));
}

export async function findPolicy(db: DbOrTx, id: string): Promise<PolicyRow | undefined> {
  const [row] = await db.select().from(policies).where(eq(policies.id, id));
  return row;
}

export function listVersions(db: DbOrTx, policyIds: readonly string[]): Promise<VersionRow[]> {
  if (policyIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(versions)
    .where(inArray(versions.policyId, [...policyIds]))
    .orderBy(asc(versions.policyId), asc(versions.version));
}

/** Serialises policy changes of one program (overlap checks read, then write). */
export async function lockProgramPolicies(db: DbOrTx, program: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`incentive_policies:${program}`}))`);
}

export async function insertPolicy(
  db: DbOrTx,
  row: typeof policies.$inferInsert,
): Promise<PolicyRow | undefined> {
  const [r] = await db
    .insert(policies)
    .values(row)
    .onConflictDoNothing({ target: policies.code })
    .returning();
  return r;
}

export async function insertVersion(db: DbOrTx, row: typeof versions.$inferInsert): Promise<VersionRow> {
  const [r] = await db.insert(versions).values(row).returning();
  if (!r) throw new Error('version insert returned nothing');
  return r;
}

export async function endVersion(db: DbOrTx, id: string, validTo: Date): Promise<void> {
  await db.update(versions).set({ validTo }).where(eq(versions.id, id));
}

export function listVersionsByIds(db: DbOrTx, ids: readonly string[]): Promise<VersionRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(versions)
    .where(inArray(versions.id, [...ids]));
}
