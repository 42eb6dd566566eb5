// Generates the SQL migrations from the schema in packages/db/src/schema.
// Once a release has shipped, migrations are append-only: never edit or delete a committed one.
import { execFileSync } from 'node:child_process';

const name = process.argv[2] ?? 'change';
execFileSync('npx', ['drizzle-kit', 'generate', '--name', name], { cwd: 'packages/db', stdio: 'inherit' });
