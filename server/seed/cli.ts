// `npm run seed`: migrate and seed the configured database (DATABASE_URL or DATA_DIR) without serving.
import { vietnamDate } from '../../shared/time';
import { openDatabase } from '../db/open';
import { prepareDatabase } from '../db/roles';
import { loadConfig } from '../env';
import { DEMO_PASSWORD } from './demo';
import { seedIfEmpty } from './index';

const config = loadConfig();
const database = await openDatabase(config);
try {
  await prepareDatabase(config, database);
  const now = new Date();
  const result = await seedIfEmpty(database.db, {
    communes: config.SEED_COMMUNES,
    demo: config.SEED_DEMO,
    mustChangePassword: config.NODE_ENV === 'production',
    today: vietnamDate(now),
    now,
  });
  console.log(
    result.seeded
      ? `Seeded ${database.label}. Demo logins (password ${DEMO_PASSWORD}): ${result.logins.map((l) => l.username).join(', ')}`
      : `${database.label} already has users: nothing seeded.`,
  );
} finally {
  await database.close();
}
