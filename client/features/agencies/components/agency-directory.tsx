import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
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
  const { t, i18n } = useTranslation();
  usePageTitle(t('agencies.title'));
  const { q, page, onSearch, onPageChange } = useListParams();

  return (
    <section className="page">
      <div className="page__header">
        <h1>{t('agencies.title')}</h1>
        <a
          className="button"
          href={`/export/agencies.xlsx?filter=${encodeURIComponent(JSON.stringify({ q: q || undefined }))}&lang=${i18n.language === 'en' ? 'en' : 'vi'}`}
          download
        >
          {t('excel.download')}
        </a>
      </div>
      <AddUnit />
      <ImportUnits />
      <SearchBox value={q} onSearch={onSearch} label={t('agencies.search')} hint={t('agencies.searchHint')} />
      {q ? <AgencySearchResults q={q} page={page} onPageChange={onPageChange} /> : <AgencyTree />}
    </section>
  );
}

/**
 * Administrators only: a button that opens a form under it (focus moves into the form). The form is
 * made when opened, so closing and opening again starts it afresh.
 */
function AdminDisclosure({ label, children }: { label: string; children: () => ReactNode }) {
  const isAdmin = useIsAdmin();
  const [open, setOpen] = useState(false);
  const regionRef = useRef<HTMLDivElement>(null);
  const regionId = useId();
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
          aria-controls={regionId}
          onClick={() => setOpen((o) => !o)}
        >
          {label}
        </button>
      </div>
      <div id={regionId} ref={regionRef} hidden={!open}>
        {open && children()}
      </div>
    </div>
  );
}

/** "Add unit": the new unit's form. */
function AddUnit() {
  const { t } = useTranslation();
  const create = useCreateAgency();
  return (
    <AdminDisclosure label={t('agencyAdmin.addOpen')}>
      {() => <AgencyCreateForm send={create.mutateAsync} />}
    </AdminDisclosure>
  );
}

/** "Import a unit list": the preview-then-apply form. */
function ImportUnits() {
  const { t } = useTranslation();
  const preview = useImportPreview();
  const apply = useImportApply();
  return (
    <AdminDisclosure label={t('agencyImport.title')}>
      {() => <AgencyImportForm preview={preview.mutateAsync} apply={apply.mutateAsync} />}
    </AdminDisclosure>
  );
}
