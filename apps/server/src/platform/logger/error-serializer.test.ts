// A failed query never writes its values to the log: statement name and parameter shapes only.
import { Writable } from 'node:stream';
import { schema } from '@pc/db';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerWithAdmin, createTestApp, type TestApp } from '../../../test/index.ts';
import { testConfig } from '../../config.ts';
import { redactParams, serializeError, statementName } from './error-serializer.ts';
import { loggerOptions } from './logger.ts';

const ACCESS_KEY = 'AKSECRETVALUE0000001';
const SEALED = 'sealed-secret-material-that-must-not-leak';

describe('error serializer', () => {
  let t: TestApp;
  let failure: unknown;

  beforeAll(async () => {
    t = await createTestApp();
    const { partner } = await createPartnerWithAdmin(t);
    const row = {
      id: 'key_dup_1',
      partnerId: partner.id,
      name: 'k',
      accessKey: ACCESS_KEY,
      secretSealed: SEALED,
      status: 'active',
      createdAt: t.clock.now(),
    };
    await t.ctx.db.insert(schema.apiKeys).values(row);
    failure = await t.ctx.db
      .insert(schema.apiKeys)
      .values({ ...row, id: 'key_dup_2' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
  });
  afterAll(() => t.close());

  it('names the statement and gives the parameters’ shapes only', () => {
    expect(failure).toBeInstanceOf(Error);
    const out = serializeError(failure);
    const text = JSON.stringify(out);
    expect(text).not.toContain(ACCESS_KEY);
    expect(text).not.toContain(SEALED);
    expect(text).not.toContain('values (');
    expect(out).toMatchObject({ message: 'query failed: insert api_keys', statement: 'insert api_keys' });
    expect(out.params).toContain(`string(${ACCESS_KEY.length})`);
    expect(out.stack.split('\n')[0]).toContain('query failed: insert api_keys');
    expect((out.cause as { code?: string }).code).toBe('23505');
  });

  it('keeps these out of a real request log line too', async () => {
    let log = '';
    const stream = new Writable({
      write(chunk, _enc, done) {
        log += chunk;
        done();
      },
    });
    const app = Fastify({
      logger: { ...(loggerOptions(testConfig({ logLevel: 'error' })) as object), stream },
    });
    app.get('/boom', async () => {
      throw new Error('request failed', { cause: failure });
    });
    app.setErrorHandler((err, req, reply) => {
      req.log.error({ err }, 'request failed');
      return reply.status(500).send({ ok: false });
    });
    expect((await app.inject({ method: 'GET', url: '/boom' })).statusCode).toBe(500);
    await app.close();
    expect(log).toContain('insert api_keys');
    expect(log).not.toContain(ACCESS_KEY);
    expect(log).not.toContain(SEALED);
  });

  it('helpers', () => {
    expect(statementName('select "id" from "users" where "email" = $1')).toBe('select users');
    expect(statementName('update "budgets" set "amount_fen" = $1')).toBe('update budgets');
    expect(statementName('delete from "sessions" where 1=1')).toBe('delete sessions');
    expect(redactParams(['abc', 12, null, new Date(), [1, 2]])).toEqual([
      'string(3)',
      'number',
      'null',
      'date',
      'array(2)',
    ]);
    const pgLike = Object.assign(new Error('invalid input syntax for type integer: "4111111111111111"'), {
      code: '22P02',
      severity: 'ERROR',
      detail: 'secret detail',
    });
    const s = JSON.stringify(serializeError(pgLike));
    expect(s).not.toContain('4111111111111111');
    expect(s).not.toContain('secret detail');
  });
});
