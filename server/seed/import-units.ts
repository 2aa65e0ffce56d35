// `npm run import-units -- <file.csv> <effective YYYY-MM-DD> [--apply]`: what a unit list changes in the
// configured database (DATABASE_URL or DATA_DIR), and with --apply, the change itself
// (docs/decisions/0028-time-versioned-agencies.md). The same plan as the administrators' procedures.

import { readFile } from 'node:fs/promises';
import { agencyImportInput } from '../../shared/schemas/agencies';
import { openDatabase } from '../db/open';
import { prepareDatabase } from '../db/roles';
import { loadConfig } from '../env';
import { applyAgencyImport, previewAgencyImport } from '../modules/agencies/import';
import { auditKeysFrom, setAuditKeys } from '../modules/audit/keys';

const [file, effectiveOn, ...flags] = process.argv.slice(2);
if (!file || !effectiveOn) {
  console.error('Cách dùng: npm run import-units -- <tệp.csv> <ngày hiệu lực YYYY-MM-DD> [--apply]');
  process.exit(2);
}
const input = agencyImportInput.safeParse({ csv: await readFile(file, 'utf8'), effectiveOn });
if (!input.success) {
  console.error(
    `Tệp hoặc ngày hiệu lực không hợp lệ: ${input.error.issues.map((i) => i.message).join(', ')}`,
  );
  process.exit(2);
}
const config = loadConfig();
setAuditKeys(auditKeysFrom(config));
const database = await openDatabase(config);
try {
  await prepareDatabase(config, database);
  const preview = await previewAgencyImport(database.db, input.data);
  if (preview.problems.length) {
    console.error('Danh sách đơn vị có lỗi, không có thay đổi nào được ghi:');
    for (const p of preview.problems) console.error(`  dòng ${p.line}, cột "${p.field}": ${p.reason}`);
    process.exitCode = 1;
  } else {
    const report = flags.includes('--apply')
      ? await applyAgencyImport(database.db, null, input.data)
      : preview;
    console.log(JSON.stringify(report, null, 2));
    if (!report.applied) console.log('Xem trước: chưa ghi gì. Thêm --apply để áp dụng.');
  }
} finally {
  await database.close();
}
