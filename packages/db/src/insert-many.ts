import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.ts';

/** A value as the text of its column type (`::type` in SQL turns it back); null stays null. */
function asText(column: PgColumn, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const v = column.mapToDriverValue(value);
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const CAST: Record<string, string> = { bigserial: 'bigint', serial: 'integer', smallserial: 'smallint' };

/**
 * Many rows of a table in ONE statement with one bind parameter per column: `insert into t (…)
 * select … from unnest($1::text[], …) with ordinality … order by ordinality`, each column cast back
 * from text. Drizzle's `insert().values(rows)` sends one parameter per value: slow to build and to
 * bind for thousands of rows, and refused by PostgreSQL past 65,535 parameters. Rows are inserted
 * in the order given (serial columns, lock order). The columns are those some row sets (a row
 * without one gets null there, not the default); array columns are not supported. `returning`
 * names database columns; its rows come back as the driver gives them (snake_case).
 */
export async function insertMany<R = Record<string, unknown>>(
  tx: DbOrTx,
  table: PgTable,
  rows: readonly object[],
  opts: { onConflictDoNothing?: boolean; returning?: readonly string[] } = {},
): Promise<R[]> {
  if (rows.length === 0) return [];
  const all = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(all).filter((k) =>
    rows.some((r) => (r as Record<string, unknown>)[k] !== undefined),
  );
  const cols = keys.map((k) => all[k] as PgColumn);
  for (const c of cols) {
    if (c.getSQLType().endsWith(']')) throw new Error(`insertMany: array column ${c.name} is not supported`);
  }
  const arrays = keys.map(
    (k, i) =>
      sql`${sql.param(rows.map((r) => asText(cols[i] as PgColumn, (r as Record<string, unknown>)[k])))}::text[]`,
  );
  const names = cols.map((c) => sql.identifier(c.name));
  const aliases = cols.map((_, i) => sql.raw(`c${i}`));
  const selected = cols.map((c, i) => sql.raw(`u.c${i}::${CAST[c.getSQLType()] ?? c.getSQLType()}`));
  const q: SQL = sql`insert into ${table} (${sql.join(names, sql`, `)})
    select ${sql.join(selected, sql`, `)}
    from unnest(${sql.join(arrays, sql`, `)}) with ordinality as u(${sql.join(aliases, sql`, `)}, ord)
    order by u.ord`;
  if (opts.onConflictDoNothing) q.append(sql` on conflict do nothing`);
  if (opts.returning?.length)
    q.append(
      sql` returning ${sql.join(
        opts.returning.map((n) => sql.identifier(n)),
        sql`, `,
      )}`,
    );
  const out = (await tx.execute(q)) as unknown as { rows: R[] };
  return out.rows;
}
