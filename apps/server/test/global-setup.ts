import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { migrate, openDatabase } from '@pc/db';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { withDatabase } from './pg-url.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    /** Set when the run targets PostgreSQL: the server URL and the template database name. */
    pgServerUrl: string | null;
    pgTemplate: string | null;
    runId: string;
  }
}

const root = resolve(import.meta.dirname, '../../..');

/**
 * Builds the migrated template once per run: a PGlite dump that every test loads in < 1 s, and,
 * when TEST_DATABASE_URL is set, a PostgreSQL template database that tests copy.
 */
export default async function setup(project: TestProject) {
  const runId = `${process.pid}${Date.now().toString(36)}`;
  const dir = resolve(root, '.tmp');
  mkdirSync(dir, { recursive: true });
  const lite = await openDatabase({});
  await migrate(lite);
  const dump = await lite.pglite!.dumpDataDir('none');
  const file = resolve(dir, `pglite-template-${runId}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await lite.close();
  project.provide('pgliteTemplate', file);
  project.provide('runId', runId);

  const url = process.env.TEST_DATABASE_URL;
  project.provide('pgServerUrl', url ?? null);
  project.provide('pgTemplate', null);
  const removeTemplate = () => rmSync(file, { force: true });
  if (!url) return removeTemplate;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const template = `pc_tpl_${runId}`;
  await admin.query(`create database ${template}`);
  const tpl = await openDatabase({ url: withDatabase(url, template), poolSize: 1 });
  await migrate(tpl);
  await tpl.close();
  project.provide('pgTemplate', template);
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1 or datname = $2`,
      [`pc_t_${runId}_%`, template],
    );
    for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
    await admin.end();
    removeTemplate();
  };
}
