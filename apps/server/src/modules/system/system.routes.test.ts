import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/index.ts';

describe('system routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness with a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['x-request-id']).toMatch(/^[a-f0-9]{32}$/);
  });

  it('is ready when the database is migrated', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('ready');
  });

  it('keeps a sane caller request id', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'abc-123-xyz' },
    });
    expect(res.headers['x-request-id']).toBe('abc-123-xyz');
  });

  it('answers unknown routes with a coded 404 in the asked language', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'accept-language': 'en-US' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      code: 'common.not_found',
      message: 'Not found',
      requestId: res.headers['x-request-id'],
    });
    const zh = await t.app.inject({ method: 'GET', url: '/v2/nope', headers: { 'x-language': 'zh_CN' } });
    // An unknown partner-API path answers like the provider's gateway.
    expect(zh.statusCode).toBe(404);
    expect(zh.json()).toEqual({
      error_code: 'APIG.0101',
      error_msg: 'API 不存在或未发布到环境',
      request_id: zh.headers['x-request-id'],
    });
  });

  it('exposes Prometheus metrics', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('http_request_duration_seconds');
  });
});
