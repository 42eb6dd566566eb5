#!/usr/bin/env node
// Regenerates apps/server/test/partner-api/sdk-operations.json from the provider's Python SDK
// (github.com/huaweicloud/huaweicloud-sdk-python-v3): for each operation of the contract's scope
// (the table in PARTNER-API.md, `| group | operation | site | method | path |`), the method, path,
// request fields (path, query, body) and response fields of the SDK's client and models, nested,
// with JSON types. Fields only one site's model has are marked with that site.
//
//   node scripts/partner-api-sdk-table.mjs <sdk repo: work tree or bare git dir> <PARTNER-API.md> \
//     [current table, to keep its "served" flags] > out.json
//
// Reads facts only (names, types); nothing of the SDK's code ends up here.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [repo, contract, current] = process.argv.slice(2);
const kept = current ? JSON.parse(readFileSync(current, 'utf8')).operations : [];
const served = new Set(kept.filter((o) => o.served).map((o) => o.operationId));
// Gaps still to close are kept with their row (see contract.test.ts).
const gapsOf = new Map(kept.filter((o) => o.known_gaps).map((o) => [o.operationId, o.known_gaps]));
if (!repo || !contract) {
  console.error('usage: partner-api-sdk-table.mjs <sdk repo> <PARTNER-API.md>');
  process.exit(2);
}
const SITES = {
  CN: ['huaweicloud-sdk-bss/huaweicloudsdkbss/v2', 'bss_client.py'],
  INTL: ['huaweicloud-sdk-bssintl/huaweicloudsdkbssintl/v2', 'bssintl_client.py'],
};
const bare = !existsSync(join(repo, SITES.CN[0]));
const commit = execFileSync(
  'git',
  bare ? ['--git-dir', repo, 'rev-parse', 'HEAD'] : ['-C', repo, 'rev-parse', 'HEAD'],
)
  .toString()
  .trim();

function read(path) {
  try {
    return bare
      ? execFileSync('git', ['--git-dir', repo, 'show', `HEAD:${path}`], { maxBuffer: 64 << 20 }).toString()
      : readFileSync(join(repo, path), 'utf8');
  } catch {
    return undefined;
  }
}

const snake = (name) => name.replace(/(?<!^)(?=[A-Z])/g, '_').toLowerCase();

/** A Python dict literal of string → string (`openapi_types`, `attribute_map`). */
function dictOf(src, name) {
  const m = src.match(new RegExp(`${name} = \\{([\\s\\S]*?)\\n    \\}`));
  const out = {};
  for (const [, k, v] of (m?.[1] ?? '').matchAll(/'([^']+)':\s*'([^']+)'/g)) out[k] = v;
  return out;
}

const PRIMITIVE = {
  str: 'string',
  int: 'integer',
  long: 'integer',
  float: 'number',
  double: 'number',
  'decimal.Decimal': 'number',
  bool: 'boolean',
  object: 'object',
  datetime: 'string',
  date: 'string',
};
const models = new Map();
function model(site, cls) {
  const key = `${site} ${cls}`;
  if (!models.has(key)) {
    const src = read(`${SITES[site][0]}/model/${snake(cls)}.py`);
    if (!src) throw new Error(`no model ${cls} in ${site}`);
    models.set(key, { types: dictOf(src, 'openapi_types'), names: dictOf(src, 'attribute_map') });
  }
  return models.get(key);
}
function fieldsOf(site, cls, depth) {
  const { types, names } = model(site, cls);
  return Object.fromEntries(
    Object.entries(types).map(([attr, t]) => [names[attr], typeOf(site, t, depth + 1)]),
  );
}
function typeOf(site, t, depth = 0) {
  if (PRIMITIVE[t]) return { type: PRIMITIVE[t] };
  const list = t.match(/^list\[(.*)\]$/);
  if (list) return { type: 'array', items: typeOf(site, list[1], depth) };
  const dict = t.match(/^dict\(str, (.*)\)$/);
  if (dict) return { type: 'object', values: typeOf(site, dict[1], depth) };
  if (depth > 8) return { type: 'object' };
  return { type: 'object', fields: fieldsOf(site, t, depth) };
}

function operation(site, name) {
  const client = read(`${SITES[site][0]}/${SITES[site][1]}`) ?? '';
  const start = client.indexOf(`def _${snake(name)}_http_info(`);
  if (start < 0) return undefined;
  const block = client.slice(start, client.indexOf('return http_info', start));
  const method = block.match(/"method": "(\w+)"/)[1];
  const path = block.match(/"resource_path": "([^"]+)"/)[1];
  const responseClass = block.match(/"response_type": "(\w+)"/)[1];
  const query = [...block.matchAll(/query_params\.append\(\('(\w+)'/g)].map((m) => m[1]);
  const pathParams = [...block.matchAll(/path_params\['(\w+)'\]/g)].map((m) => m[1]);
  const responseHeaders = [
    ...(block.match(/response_headers = \[([^\]]*)\]/)?.[1] ?? '').matchAll(/"([^"]+)"/g),
  ].map((m) => m[1].toLowerCase());
  const req = model(site, `${name}Request`);
  const request = { path: {}, query: {} };
  for (const [attr, t] of Object.entries(req.types)) {
    const json = req.names[attr];
    if (attr === 'body') request.body = typeOf(site, t).fields ?? {};
    else if (query.includes(json)) request.query[json] = typeOf(site, t);
    else if (pathParams.includes(json)) request.path[json] = typeOf(site, t);
  }
  const res = model(site, responseClass);
  const response = {};
  for (const [attr, t] of Object.entries(res.types))
    if (!responseHeaders.includes(res.names[attr].toLowerCase())) response[res.names[attr]] = typeOf(site, t);
  return { method, path, request, response };
}

/** Union of both sites' fields; a field of one site only carries `sites`. */
function merge(a = {}, b = {}) {
  const out = {};
  for (const k of [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))]) {
    if (k in a && k in b) out[k] = mergeField(a[k], b[k]);
    else out[k] = { ...(a[k] ?? b[k]), sites: [k in a ? 'CN' : 'INTL'] };
  }
  return out;
}
function mergeField(x, y) {
  const n = { type: x.type };
  if (x.items) n.items = mergeField(x.items, y.items ?? x.items);
  if (x.fields || y.fields) n.fields = merge(x.fields, y.fields);
  if (x.values) n.values = x.values;
  return n;
}

const rows = [
  ...readFileSync(contract, 'utf8').matchAll(
    /^\| ([^|]+) \| (\w+) \| (CN\+INTL|CN|INTL) \| (\w+) \| `([^`]+)` \|$/gm,
  ),
];
const operations = [];
for (const [, group, name, sites, method, path] of rows) {
  const per = {};
  for (const site of sites === 'CN+INTL' ? ['CN', 'INTL'] : [sites]) {
    const op = operation(site, name);
    if (!op) throw new Error(`${name} is not in the ${site} client`);
    if (op.method !== method || op.path !== path)
      throw new Error(`${name} (${site}) is ${op.method} ${op.path} in the SDK, not ${method} ${path}`);
    per[site] = op;
  }
  const [first, second] = Object.values(per);
  const request = {};
  for (const part of ['path', 'query', 'body']) {
    const [x, y] = [first.request[part], second?.request[part]];
    const merged = second && (x || y) ? merge(x, y) : x;
    if (merged && (part === 'body' || Object.keys(merged).length)) request[part] = merged;
  }
  operations.push({
    operationId: name,
    group,
    sites: Object.keys(per),
    method,
    path,
    served: served.has(name),
    ...(gapsOf.has(name) ? { known_gaps: gapsOf.get(name) } : {}),
    request,
    response: second ? merge(first.response, second.response) : first.response,
  });
}
process.stdout.write(
  `${JSON.stringify(
    {
      source: `huaweicloud/huaweicloud-sdk-python-v3 @ ${commit}: huaweicloud-sdk-bss (BssClient, site CN) and huaweicloud-sdk-bssintl (BssintlClient, site INTL), v2 client and model files`,
      operations,
    },
    null,
    2,
  )}\n`,
);
