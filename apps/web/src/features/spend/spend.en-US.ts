/** Spend import (console). English is the shape. */
export const spendEnUS = {
  nav: 'Spend import',
  title: 'Spend import',
  subtitle: 'Upload spend records as NDJSON or CSV. Records already stored (same record id) are skipped.',
  format:
    'One record per line: record_id, customer_id, spent_at (ISO time with zone), service_type, amount_fen (integer), payment_kind (cash or voucher). CSV needs a header row with these names.',
  file: 'File',
  choose: 'Choose file',
  skipBadLines: 'Skip bad lines (otherwise a file with any bad line imports nothing)',
  upload: 'Upload and import',
  uploading: 'Uploading and checking…',
  recent: 'Recent imports',
  progress: 'Progress',
  col: {
    file: 'File',
    status: 'Status',
    lines: 'Lines',
    inserted: 'New',
    duplicates: 'Duplicates',
    errors: 'Bad lines',
    created: 'Started',
  },
  status: {
    validating: 'Checking',
    importing: 'Importing',
    completed: 'Completed',
    failed: 'Failed',
    interrupted: 'Interrupted (upload the file again)',
  },
  errorsTitle: 'Bad lines (first {{count}})',
  line: 'Line',
  reason: 'Reason',
  failedNothing:
    'The file has bad lines; nothing was imported. Fix them, or upload again with "Skip bad lines".',
};
