import { useTranslation } from 'react-i18next';
import type { AgencyLevel } from '../../../../shared/agencies';
import { ErrorState } from '../../../components/error-state';
import { Spinner } from '../../../components/spinner';
import { type AgencyItem, agencyName } from '../agency-name';
import { useTopLevelAgencies } from '../api/agency-queries';
import { ProvincialUnit } from './provincial-unit';

const TOP_LEVELS: readonly AgencyLevel[] = ['central', 'provincial'];

function CentralAgency({ agency }: { agency: AgencyItem }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="tree-node tree-node--leaf">
      <span className="tree-node__name">{agencyName(agency, i18n.language)}</span>
      <span className="tag">{t(`kinds.${agency.kind}`)}</span>
    </li>
  );
}

/** The directory when nobody is searching: central agencies, then provincial units with their communes. */
export function AgencyTree() {
  const { t } = useTranslation();
  const top = useTopLevelAgencies();
  if (top.isPending) return <Spinner />;
  if (top.isError) return <ErrorState error={top.error} onRetry={() => void top.refetch()} />;
  return (
    <div className="stack">
      {TOP_LEVELS.map((level) => {
        const items = top.data.items.filter((agency) => agency.level === level);
        const headingId = `tree-${level}`;
        return (
          <section key={level} aria-labelledby={headingId} className="tree-section">
            <h2 id={headingId}>
              {t(`levels.${level}`)} <span className="muted">({items.length})</span>
            </h2>
            <ul className="tree">
              {items.map((agency) =>
                level === 'provincial' ? (
                  <ProvincialUnit key={agency.id} agency={agency} />
                ) : (
                  <CentralAgency key={agency.id} agency={agency} />
                ),
              )}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
