import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { Spinner } from '../../../components/spinner';
import { agencyName } from '../agency-name';
import { COMMUNE_PAGE_SIZE, useChildAgencies } from '../api/agency-queries';

type ChildLevel = 'commune' | 'department';

function CommunePage({ parentId, page, level }: { parentId: number; page: number; level: ChildLevel }) {
  const { t, i18n } = useTranslation();
  const communes = useChildAgencies(parentId, page, level);
  if (communes.isPending) {
    return (
      <li className="commune-list__status">
        <Spinner />
      </li>
    );
  }
  if (communes.isError) {
    return (
      <li className="commune-list__status">
        <ErrorState error={communes.error} onRetry={() => void communes.refetch()} />
      </li>
    );
  }
  return (
    <>
      {communes.data.items.map((commune) => (
        <li key={commune.id}>
          {agencyName(commune, i18n.language)} <span className="tag">{t(`kinds.${commune.kind}`)}</span>
        </li>
      ))}
    </>
  );
}

/**
 * A provincial unit's communes (or its departments), one page of 50 at a time, each "Show more"
 * appending the next.
 */
export function CommuneList({
  parentId,
  parentLabel,
  total,
  level = 'commune',
  title,
}: {
  parentId: number;
  parentLabel: string;
  total: number;
  level?: ChildLevel;
  /** A visible heading, when a unit's departments and communes are listed one after the other. */
  title?: string;
}) {
  const { t } = useTranslation();
  const [pages, setPages] = useState(1);
  const shown = Math.min(total, pages * COMMUNE_PAGE_SIZE);
  const pageNumbers = Array.from({ length: pages }, (_, index) => index + 1);
  return (
    <div className="commune-list">
      {title && <h3 className="commune-list__title">{title}</h3>}
      <ul
        aria-label={t(level === 'department' ? 'agencies.departmentsOf' : 'agencies.communesOf', {
          name: parentLabel,
        })}
      >
        {pageNumbers.map((page) => (
          <CommunePage key={page} parentId={parentId} page={page} level={level} />
        ))}
      </ul>
      <p className="commune-list__footer">
        <span aria-live="polite">{t('agencies.shown', { shown, total })}</span>
        {shown < total && (
          <button type="button" className="button" onClick={() => setPages((n) => n + 1)}>
            {t('agencies.showMore')}
          </button>
        )}
      </p>
    </div>
  );
}
