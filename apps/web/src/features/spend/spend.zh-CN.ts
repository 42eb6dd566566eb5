import type { spendEnUS } from './spend.en-US.ts';

export const spendZhCN: typeof spendEnUS = {
  nav: '消费数据导入',
  title: '消费数据导入',
  subtitle: '上传 NDJSON 或 CSV 格式的消费记录。已存在的记录（相同记录 ID）会被跳过。',
  format:
    '每行一条记录：record_id、customer_id、spent_at（带时区的 ISO 时间）、service_type、amount_fen（整数，单位分）、payment_kind（cash 或 voucher）。CSV 需要包含这些列名的表头。',
  file: '文件',
  choose: '选择文件',
  skipBadLines: '跳过错误行（否则文件中只要有错误行就不导入任何数据）',
  upload: '上传并导入',
  uploading: '正在上传并校验…',
  recent: '最近的导入',
  progress: '进度',
  col: {
    file: '文件',
    status: '状态',
    lines: '行数',
    inserted: '新增',
    duplicates: '重复',
    errors: '错误行',
    created: '开始时间',
  },
  status: {
    validating: '校验中',
    importing: '导入中',
    completed: '已完成',
    failed: '失败',
    interrupted: '已中断（请重新上传文件）',
  },
  errorsTitle: '错误行（前 {{count}} 条）',
  line: '行号',
  reason: '原因',
  failedNothing: '文件中有错误行，未导入任何数据。请修正后重新上传，或勾选“跳过错误行”。',
};
