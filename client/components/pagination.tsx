import { useTranslation } from 'react-i18next';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  /** Names what is being paged when a screen has more than one pager. */
  label?: string;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function Pagination({ page, pageSize, total, onPageChange, label }: PaginationProps) {
  const { t } = useTranslation();
  const pages = pageCount(total, pageSize);
  return (
    <nav className="pagination" aria-label={label ?? t('common.pagination')}>
      <button type="button" className="button" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
        {t('common.previous')}
      </button>
      <span className="pagination__info" aria-live="polite">
        {t('common.pageOf', { page, pages })}
      </span>
      <button
        type="button"
        className="button"
        disabled={page >= pages}
        onClick={() => onPageChange(page + 1)}
      >
        {t('common.next')}
      </button>
      <span className="pagination__total">{t('common.total', { count: total })}</span>
    </nav>
  );
}
