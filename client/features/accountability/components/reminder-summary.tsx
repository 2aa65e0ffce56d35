import { useTranslation } from 'react-i18next';
import type { TaskAccountability } from '../../../../shared/schemas/accountability';
import { formatDate } from '../../../lib/format';

/** "Đã đôn đốc N lần, lần gần nhất ngày dd/MM/yyyy (người gửi): lời nhắc", or that there was none. */
export function ReminderSummary({ reminders }: { reminders: TaskAccountability['reminders'] }) {
  const { t } = useTranslation();
  const { count, last } = reminders;
  return (
    <p className="accountability__reminders">
      {count > 0 && last
        ? t('accountability.reminded', {
            count,
            date: formatDate(last.at),
            name: last.by,
            message: last.message,
          })
        : t('accountability.neverReminded')}
    </p>
  );
}
