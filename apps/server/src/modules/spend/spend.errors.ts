import { defineErrors } from '../../platform/errors/errors.ts';

export const SpendErrors = defineErrors({
  'spend.invalid_token': {
    status: 401,
    message: { 'zh-CN': '数据接入令牌无效', 'en-US': 'The ingest token is not valid' },
  },
  'spend.import_not_found': {
    status: 404,
    message: { 'zh-CN': '导入任务不存在', 'en-US': 'Import not found' },
  },
  'spend.unsupported_format': {
    status: 415,
    message: {
      'zh-CN': '仅支持 NDJSON（application/x-ndjson）或 CSV（text/csv）文件',
      'en-US': 'Only NDJSON (application/x-ndjson) or CSV (text/csv) files are accepted',
    },
  },
});
