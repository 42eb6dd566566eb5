import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { schema } from '@pc/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asUser, createOperator, getCsrf, signIn } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { loadConfig } from '../../config.ts';
import type { NotifyInput } from '../context.ts';
import { type JobRuntime, startJobRuntime } from '../jobs/runtime.ts';
import { DELIVER_JOB } from './notifier.ts';
import { aliyunSignature } from './sms-aliyun.ts';
import { webhookSignature } from './sms-webhook.ts';

/** A fake gateway over real HTTP: keeps each request and answers with the current `reply`. */
interface FakeGateway {
  url: string;
  requests: { url: URL; headers: IncomingMessage['headers']; body: string }[];
  reply: (req: { url: URL; body: string }) => { status: number; json: unknown };
  close(): Promise<void>;
}

async function startGateway(): Promise<FakeGateway> {
  const gw: Omit<FakeGateway, 'url' | 'close'> = {
    requests: [],
    reply: () => ({ status: 500, json: {} }),
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://gateway');
      gw.requests.push({ url, headers: req.headers, body });
      const r = gw.reply({ url, body });
      res.writeHead(r.status, { 'content-type': 'application/json' }).end(JSON.stringify(r.json));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return Object.assign(gw, {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  });
}

const TOKEN = 'callback-token-0123456789';
const SECRET = 'aliyun-secret-for-tests';

const codeSms = (phone: string, code: string): NotifyInput => ({
  template: 'identity.email_code',
  locale: 'zh-CN',
  to: { phone },
  channels: ['sms'],
  data: { name: '安', code, minutes: 10 },
  idempotencyKey: `code:${phone}`,
});

/** Makes the queued retry due now (pg-boss keeps its schedule on the database clock). */
async function retryNow(t: TestApp) {
  await t.db.query(`update pgboss.job set start_after = now() - interval '1 second' where name = $1`, [
    DELIVER_JOB,
  ]);
}

async function rowTo(t: TestApp, phone: string) {
  const [row] = await t.ctx.db
    .select()
    .from(schema.notifications)
    .where(eq(schema.notifications.recipient, phone));
  if (!row) throw new Error(`no notification to ${phone}`);
  return row;
}

describe('SMS over Alibaba Cloud SendSms (local fake gateway)', () => {
  let t: TestApp;
  let gw: FakeGateway;
  let runtime: JobRuntime;

  beforeAll(async () => {
    gw = await startGateway();
    t = await createTestApp({
      config: {
        smsProvider: 'aliyun',
        smsAccessKeyId: 'LTAI-test',
        smsAccessKeySecret: SECRET,
        smsSignName: '合作伙伴中心',
        smsTemplates: { 'identity.email_code': 'SMS_100001', 'common.notice': 'SMS_100002' },
        smsEndpoint: gw.url,
        smsCallbackToken: TOKEN,
      },
    });
    runtime = await startJobRuntime(t.ctx, []);
  });
  afterAll(async () => {
    await runtime.stop();
    await t.close();
    await gw.close();
  });
  beforeEach(() => {
    gw.requests.length = 0;
  });

  it('sends a signed SendSms with template code, signature name and values; records the BizId; masks the code', async () => {
    gw.reply = ({ url }) => {
      const params = Object.fromEntries(url.searchParams);
      const ok = aliyunSignature('GET', params, SECRET) === params.Signature;
      return ok
        ? { status: 200, json: { Code: 'OK', Message: 'OK', BizId: '900619746936498440^0', RequestId: 'r1' } }
        : { status: 400, json: { Code: 'SignatureDoesNotMatch' } };
    };
    await t.ctx.db.transaction((tx) => t.ctx.notifier.notify(tx, codeSms('+8613800000001', '483920')));
    await runtime.drain();
    expect(gw.requests).toHaveLength(1);
    const p = Object.fromEntries(gw.requests[0]?.url.searchParams ?? []);
    const row = await rowTo(t, '+8613800000001');
    expect(p).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      Format: 'JSON',
      AccessKeyId: 'LTAI-test',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      PhoneNumbers: '13800000001',
      SignName: '合作伙伴中心',
      TemplateCode: 'SMS_100001',
      OutId: row.id,
    });
    expect(JSON.parse(p.TemplateParam ?? '{}')).toEqual({ code: '483920', minutes: '10' });
    expect(p.Timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(row).toMatchObject({ status: 'sent', provider: 'aliyun', providerId: '900619746936498440^0' });
    expect(JSON.stringify(row)).not.toContain('483920');
    expect(row.body).toContain('******');
  });

  it('takes delivery reports at the callback (Alibaba Cloud HTTP push), only with the token', async () => {
    gw.reply = () => ({ status: 200, json: { Code: 'OK', BizId: 'biz-2' } });
    await t.ctx.db.transaction((tx) => t.ctx.notifier.notify(tx, codeSms('+8613800000002', '111222')));
    await t.ctx.db.transaction((tx) => t.ctx.notifier.notify(tx, codeSms('+8613800000003', '333444')));
    await runtime.drain();
    const a = await rowTo(t, '+8613800000002');
    const b = await rowTo(t, '+8613800000003');
    const report = (out_id: string, success: boolean) => ({
      phone_number: '13800000002',
      send_time: '2026-12-06 10:00:00',
      report_time: '2026-12-06 10:00:05',
      success,
      err_code: success ? 'DELIVERED' : 'MK:0001',
      err_msg: success ? '用户接收成功' : '失败',
      sms_size: '1',
      biz_id: 'biz-2',
      out_id,
    });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/sms-status/not-the-token',
      payload: [report(a.id, true)],
    });
    expect(wrong.statusCode).toBe(404);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/sms-status/${TOKEN}`,
      payload: [report(a.id, true), report(b.id, false), report('ntf_unknown', true)],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ code: 0, msg: '接收成功', updated: 2 });
    expect(await rowTo(t, '+8613800000002')).toMatchObject({ status: 'delivered', providerId: 'biz-2' });
    expect(await rowTo(t, '+8613800000003')).toMatchObject({ status: 'undelivered', lastError: 'MK:0001' });
  });

  it('retries a failing gateway with backoff and, after the last attempt, shows the record failed in the outbox', async () => {
    gw.reply = () => ({ status: 503, json: { Code: 'ServiceUnavailable' } });
    await t.ctx.db.transaction((tx) => t.ctx.notifier.notify(tx, codeSms('+8613800000004', '555666')));
    await runtime.drain();
    expect(await rowTo(t, '+8613800000004')).toMatchObject({
      status: 'retrying',
      attempts: 1,
      lastError: 'aliyun ServiceUnavailable (HTTP 503)',
    });
    // Backoff: the retry is not due yet.
    expect(await runtime.drain()).toBe(0);
    for (let attempt = 2; attempt <= 9; attempt++) {
      await retryNow(t);
      expect(await runtime.drain()).toBe(1);
      expect((await rowTo(t, '+8613800000004')).attempts).toBe(attempt);
    }
    const row = await rowTo(t, '+8613800000004');
    expect(row).toMatchObject({ status: 'failed', attempts: 9 });
    expect(gw.requests).toHaveLength(9);
    await retryNow(t);
    expect(await runtime.drain()).toBe(0); // no tenth attempt

    const op = await createOperator(t, ['support']);
    const asOp = asUser(t, await signIn(t, op.user.email, op.password));
    const outbox = await asOp({
      method: 'GET',
      url: '/api/console/outbox?channel=sms&recipient=%2B8613800000004',
    });
    expect(outbox.json().items[0]).toMatchObject({ status: 'failed', attempts: 9, provider: 'aliyun' });
    // Not delivered, so the stored record still holds the code for retries; the outbox never shows it.
    expect(outbox.body).not.toContain('555666');
  });

  it('fails at once, without retries, when the gateway refuses the number', async () => {
    gw.reply = () => ({ status: 200, json: { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: 'bad number' } });
    await t.ctx.db.transaction((tx) => t.ctx.notifier.notify(tx, codeSms('+860000', '777888')));
    await runtime.drain();
    await retryNow(t);
    expect(await runtime.drain()).toBe(0);
    expect(await rowTo(t, '+860000')).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'aliyun isv.MOBILE_NUMBER_ILLEGAL',
    });
  });

  it('fails at once for a template without a configured template code', async () => {
    await t.ctx.db.transaction((tx) =>
      t.ctx.notifier.notify(tx, {
        ...codeSms('+8613800000005', '999000'),
        template: 'identity.contact_code',
        data: { name: '安', code: '999000', minutes: 10 },
      }),
    );
    await runtime.drain();
    expect(gw.requests).toHaveLength(0);
    expect(await rowTo(t, '+8613800000005')).toMatchObject({
      status: 'failed',
      lastError: 'no Alibaba Cloud template code for identity.contact_code',
    });
  });
});

describe('SMS over a generic HTTP webhook (local fake gateway)', () => {
  let t: TestApp;
  let gw: FakeGateway;
  let runtime: JobRuntime;
  const HMAC = 'webhook-hmac-secret-0123';

  beforeAll(async () => {
    gw = await startGateway();
    t = await createTestApp({
      config: {
        smsProvider: 'webhook',
        smsEndpoint: gw.url,
        smsWebhookSecret: HMAC,
        smsCallbackToken: TOKEN,
      },
    });
    runtime = await startJobRuntime(t.ctx, []);
  });
  afterAll(async () => {
    await runtime.stop();
    await t.close();
    await gw.close();
  });

  it('posts signed JSON, retries a 503, records the message id, then a delivery report', async () => {
    let calls = 0;
    gw.reply = () =>
      ++calls === 1 ? { status: 503, json: {} } : { status: 202, json: { messageId: 'wh-1' } };
    await t.ctx.db.transaction((tx) => t.ctx.notifier.notify(tx, codeSms('+8613900000001', '246810')));
    await runtime.drain();
    expect(await rowTo(t, '+8613900000001')).toMatchObject({
      status: 'retrying',
      lastError: 'webhook HTTP 503',
    });
    await retryNow(t);
    await runtime.drain();
    const row = await rowTo(t, '+8613900000001');
    expect(row).toMatchObject({ status: 'sent', provider: 'webhook', providerId: 'wh-1', attempts: 2 });
    expect(JSON.stringify(row)).not.toContain('246810');

    const req = gw.requests[1];
    const body = JSON.parse(req?.body ?? '{}');
    expect(body).toMatchObject({
      id: row.id,
      to: '+8613900000001',
      template: 'identity.email_code',
      params: { code: '246810', minutes: '10' },
    });
    expect(body.text).toContain('246810');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.headers['x-signature']).toBe(
      webhookSignature(HMAC, String(req?.headers['x-timestamp']), req?.body ?? ''),
    );

    const anon = asUser(t, await getCsrf(t));
    const res = await anon({
      method: 'POST',
      url: `/api/notifications/sms-status/${TOKEN}`,
      payload: { id: row.id, messageId: 'wh-1', status: 'delivered' },
    });
    expect(res.json()).toMatchObject({ updated: 1 });
    expect(await rowTo(t, '+8613900000001')).toMatchObject({ status: 'delivered' });
  });

  it('a 4xx answer is final', async () => {
    gw.reply = () => ({ status: 422, json: { error: 'rejected: 135791' } });
    await t.ctx.db.transaction((tx) => t.ctx.notifier.notify(tx, codeSms('+8613900000002', '135791')));
    await runtime.drain();
    const row = await rowTo(t, '+8613900000002');
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastError: 'webhook HTTP 422' });
  });
});

describe('SMS configuration', () => {
  const base = { APP_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/sms-config-test' };
  it('names what a real provider is missing', () => {
    expect(() => loadConfig({ ...base, SMS_PROVIDER: 'aliyun', SMS_SIGN_NAME: '合作伙伴中心' }, [])).toThrow(
      'SMS_PROVIDER=aliyun needs SMS_ACCESS_KEY_ID, SMS_ACCESS_KEY_SECRET, SMS_TEMPLATES',
    );
    expect(() => loadConfig({ ...base, SMS_PROVIDER: 'webhook' }, [])).toThrow('needs SMS_ENDPOINT');
    expect(() => loadConfig({ ...base, SMS_PROVIDER: 'carrier-pigeon' }, [])).toThrow('smsProvider');
  });
  it('reads template codes per template', () => {
    const c = loadConfig(
      {
        ...base,
        SMS_PROVIDER: 'aliyun',
        SMS_ACCESS_KEY_ID: 'id',
        SMS_ACCESS_KEY_SECRET: 'secret',
        SMS_SIGN_NAME: '合作伙伴中心',
        SMS_TEMPLATES: 'identity.email_code=SMS_1, identity.contact_code=SMS_2',
      },
      [],
    );
    expect(c.smsTemplates).toEqual({ 'identity.email_code': 'SMS_1', 'identity.contact_code': 'SMS_2' });
  });
});
