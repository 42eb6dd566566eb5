// Writes openapi/openapi.json from buildApp(); with --check, fails when the committed file differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase } from '@pc/db';
import { buildApp } from '../app.ts';
import { testConfig } from '../config.ts';

const file = resolve(import.meta.dirname, '../../../../openapi/openapi.json');
const database = await openDatabase({});
const app = await buildApp({ config: testConfig({ webDist: '/nonexistent' }), database });
await app.ready();
const doc = `${JSON.stringify(app.swagger(), null, 2)}\n`;
await app.close();
await database.close();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (current !== doc) {
    console.error('openapi/openapi.json is stale: run `npm run sdk` and commit the result.');
    process.exit(1);
  }
  console.log('openapi/openapi.json is current');
} else {
  writeFileSync(file, doc);
  console.log(`wrote ${file}`);
}
