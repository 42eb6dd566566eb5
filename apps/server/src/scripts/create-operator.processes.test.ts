// `npm run operator:create` as an operator runs it on a fresh install, on the database of this run
// (a PGlite data directory, or a PostgreSQL database): weak passwords and taken emails are refused,
// the created administrator signs in to the console.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Database, openDatabase } from '@pc/db';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgDatabaseUrl, getCsrf, testDbKind } from '../../test/index.ts';
import { buildApp } from '../app.ts';
import { testConfig } from '../config.ts';

const root = resolve(import.meta.dirname, '../../../..');
const work = mkdtempSync(join(tmpdir(), 'pc-opcli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string>, stdin?: string) {
  const { DATABASE_URL: _, ...base } = process.env;
  const child = spawn('npm', ['run', '--silent', 'operator:create', '--', ...args], {
    cwd: root,
    env: { ...base, NODE_ENV: 'development', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  child.stdin.end(stdin ?? '');
  return new Promise<{ code: number | null; out: string }>((ok) =>
    child.on('exit', (code) => ok({ code, out })),
  );
}

describe('npm run operator:create', { timeout: 300_000 }, () => {
  it('creates the first operator administrator, refusing weak passwords and taken emails', async () => {
    const kind = testDbKind();
    const url = kind === 'postgres' ? await createPgDatabaseUrl() : null;
    const dataDir = join(work, 'data', 'pglite');
    const env: Record<string, string> = url
      ? { DATABASE_URL: url, DATA_DIR: dataDir }
      : { DATA_DIR: dataDir };
    const email = 'first.admin@operator.test';
    const strong = 'Operator@2026!';

    const usage = await run([], env);
    expect(usage.code).toBe(2);
    expect(usage.out).toContain('Usage: npm run operator:create');

    const weak = await run([`--email=${email}`, '--name=First Admin'], {
      ...env,
      OPERATOR_PASSWORD: 'password',
    });
    expect(weak.code).toBe(1);
    expect(weak.out).toContain('密码');
    expect(weak.out.toLowerCase()).toContain('password');

    // The password from standard input this time.
    const made = await run([`--email=${email}`, '--name=First Admin', '--locale=en-US'], env, `${strong}\n`);
    expect(made.out).toContain(`Operator administrator ${email} created`);
    expect(made.code).toBe(0);

    const again = await run([`--email=${email.toUpperCase()}`, '--name=Again'], {
      ...env,
      OPERATOR_PASSWORD: strong,
    });
    expect(again.code).toBe(1);
    expect(again.out).toContain('already registered');

    // The new administrator signs in to the console.
    let database: Database | undefined;
    try {
      database = url ? await openDatabase({ url, poolSize: 2 }) : await openDatabase({ dataDir });
      const app = await buildApp({ config: testConfig(), database });
      await app.ready();
      try {
        const anon = await getCsrf({ app } as Parameters<typeof getCsrf>[0]);
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          headers: { cookie: anon.cookie, 'x-csrf-token': anon.csrf },
          payload: { email, password: strong },
        });
        // Right password; an operator without an authenticator must enrol one before the console.
        expect(res.statusCode).toBe(200);
        expect(res.json().secondFactor).toMatchObject({ kind: 'enrol' });
      } finally {
        await app.close();
      }
    } finally {
      await database?.close();
    }
  });
});
