import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchBox } from '../../../components/search-box';
import { useListParams } from '../../../lib/use-list-params';
import { usePageTitle } from '../../../lib/use-page-title';
import '../../../components/forms.css';
import { useCreateAgency, useImportApply, useImportPreview, useIsAdmin } from '../api/agency-admin';
import { AgencyCreateForm } from './agency-create-form';
import { AgencyImportForm } from './agency-import-form';
import { AgencySearchResults } from './agency-search-results';
import { AgencyTree } from './agency-tree';

/** The directory page: search state lives in the URL (?q=&page=) so it survives reloads and can be shared. */
export function AgencyDirectory() {
  const { t } = useTranslation();
  usePageTitle(t('agencies.title'));
  const { q, page, onSearch, onPageChange } = useListParams();

  return (
    <section className="page">
      <h1>{t('agencies.title')}</h1>
      <AddUnit />
      <ImportUnits />
      <SearchBox value={q} onSearch={onSearch} label={t('agencies.search')} hint={t('agencies.searchHint')} />
      {q ? <AgencySearchResults q={q} page={page} onPageChange={onPageChange} /> : <AgencyTree />}
    </section>
  );
}

/** Administrators only: the "Add unit" button and, once opened, the form (focus moves into it). */
function AddUnit() {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  const create = useCreateAgency();
  const [open, setOpen] = useState(false);
  const regionRef = useRef<HTMLDivElement>(null);
  const formId = useId();
  useEffect(() => {
    if (open) regionRef.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, [open]);
  if (!isAdmin) return null;
  return (
    <div className="stack">
      <div>
        <button
          type="button"
          className="button"
          aria-expanded={open}
          aria-controls={formId}
          onClick={() => setOpen((o) => !o)}
        >
          {t('agencyAdmin.addOpen')}
        </button>
      </div>
      <div id={formId} ref={regionRef} hidden={!open}>
        {open && <AgencyCreateForm send={create.mutateAsync} />}
      </div>
    </div>
  );
}

/** Administrators only: "Import a unit list" and, once opened, the preview-then-apply form. */
function ImportUnits() {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  const preview = useImportPreview();
  const apply = useImportApply();
  const [open, setOpen] = useState(false);
  const regionId = useId();
  if (!isAdmin) return null;
  return (
    <div className="stack">
      <div>
        <button
          type="button"
          className="button"
          aria-expanded={open}
          aria-controls={regionId}
          onClick={() => setOpen((o) => !o)}
        >
          {t('agencyImport.title')}
        </button>
      </div>
      <div id={regionId} hidden={!open}>
        {open && <AgencyImportForm preview={preview.mutateAsync} apply={apply.mutateAsync} />}
      </div>
    </div>
  );
}
