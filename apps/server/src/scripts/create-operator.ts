// `npm run operator:create -- --email=ops@example.com --name="Ops Admin" [--locale=en-US]`
// Creates an operator administrator on the configured database (PGlite in DATA_DIR, or
// DATABASE_URL), applying migrations first. The password comes from OPERATOR_PASSWORD or, when
// that is unset, from the first line of standard input (so it never appears in the shell history).
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { DataDirLockedError, lockDataDir, migrate, openDatabase } from '@pc/db';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createOperatorAdmin } from '../modules/identity/operators.service.ts';
import { AppError } from '../platform/errors/errors.ts';

const arg = (name: string) => {
  const hit = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  return hit?.slice(name.length + 3);
};

async function readPassword(): Promise<string> {
  if (process.env.OPERATOR_PASSWORD) return process.env.OPERATOR_PASSWORD;
  if (process.stdin.isTTY) process.stdout.write('Password (Enter to finish): ');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function main(): Promise<number> {
  const email = arg('email');
  const name = arg('name');
  const locale = arg('locale') === 'en-US' ? 'en-US' : 'zh-CN';
  if (!email || !name) {
    console.error('Usage: npm run operator:create -- --email=<email> --name=<name> [--locale=zh-CN|en-US]');
    console.error('The password is read from OPERATOR_PASSWORD or from standard input.');
    return 2;
  }
  const password = await readPassword();
  const config = { ...loadConfig(process.env, []), roles: ['api' as const], logLevel: 'error' as const };
  let release: (() => void) | undefined;
  if (!config.databaseUrl) {
    try {
      release = lockDataDir(resolve(config.dataDir));
    } catch (e) {
      if (!(e instanceof DataDirLockedError)) throw e;
      console.error(e.message);
      return 1;
    }
  }
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : resolve(config.dataDir),
  });
  try {
    await migrate(database);
    const app = await buildApp({ config, database });
    try {
      const user = await createOperatorAdmin(app.ctx, { email, name, password, locale });
      console.log(
        `Operator administrator ${user.email} created (${user.id}); sign in at ${config.publicUrl}/console`,
      );
      return 0;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      console.error(`${app.ctx.errors.message(e, 'en-US')}\n${app.ctx.errors.message(e, 'zh-CN')}`);
      return 1;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    release?.();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
