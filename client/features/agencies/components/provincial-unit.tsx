import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AgencyItem, agencyName } from '../agency-name';
import { CommuneList } from './commune-list';

/** A province or city with a disclosure button that loads its departments and communes on first opening. */
export function ProvincialUnit({ agency }: { agency: AgencyItem }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const name = agencyName(agency, i18n.language);
  return (
    <li className="tree-node">
      <button
        type="button"
        className="tree-node__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="tree-node__chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <span className="tree-node__name">{name}</span>
        <span className="tag">{t(`kinds.${agency.kind}`)}</span>
        <span className="tree-node__count">
          {t('agencies.communeCount', { count: agency.childCount })}
          {agency.departmentCount > 0 &&
            ` · ${t('agencies.departmentCount', { count: agency.departmentCount })}`}
        </span>
      </button>
      <div id={panelId} hidden={!open}>
        {open && agency.departmentCount > 0 && (
          <CommuneList
            parentId={agency.id}
            parentLabel={name}
            total={agency.departmentCount}
            level="department"
            title={t('levels.department')}
          />
        )}
        {open && (
          <CommuneList
            parentId={agency.id}
            parentLabel={name}
            total={agency.childCount}
            {...(agency.departmentCount > 0 ? { title: t('levels.commune') } : {})}
          />
        )}
      </div>
    </li>
  );
}
