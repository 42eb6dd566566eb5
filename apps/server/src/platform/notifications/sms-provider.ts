import type { Config } from '../../config.ts';
import { createRecordingSmsProvider, type SmsProvider, type SmsReport } from './sms.ts';
import { createAliyunSmsProvider, parseAliyunReports } from './sms-aliyun.ts';
import { createWebhookSmsProvider, parseWebhookReports } from './sms-webhook.ts';

/** The SMS provider `SMS_PROVIDER` names (the recording one by default, for demo and tests). */
export function createSmsProvider(config: Config): SmsProvider {
  if (config.smsProvider === 'aliyun') {
    return createAliyunSmsProvider({
      accessKeyId: config.smsAccessKeyId ?? '',
      accessKeySecret: config.smsAccessKeySecret ?? '',
      signName: config.smsSignName ?? '',
      templates: config.smsTemplates,
      endpoint: config.smsEndpoint ?? 'https://dysmsapi.aliyuncs.com/',
    });
  }
  if (config.smsProvider === 'webhook') {
    return createWebhookSmsProvider({ url: config.smsEndpoint ?? '', secret: config.smsWebhookSecret });
  }
  return createRecordingSmsProvider();
}

/** Reads a delivery-status callback in the format of the configured provider. */
export function parseSmsReports(provider: string, body: unknown): SmsReport[] {
  if (provider === 'aliyun') return parseAliyunReports(body);
  if (provider === 'webhook') return parseWebhookReports(body);
  return [];
}
