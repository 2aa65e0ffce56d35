import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Spinner } from '../../../components/spinner';
import { usePageTitle } from '../../../lib/use-page-title';
import { useCreateTemplate, useKpiOptions } from '../api/template-queries';
import { emptyDraft } from '../template-draft';
import { TemplateEditor } from './template-editor';
import '../templates.css';

/** The administrator opens a new reporting regime; it then opens on its own page. */
export function TemplateCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('templateAdmin.createTitle'));
  const kpis = useKpiOptions();
  const create = useCreateTemplate();

  if (kpis.isPending) return <Spinner />;
  if (kpis.isError) return <ErrorState error={kpis.error} onRetry={() => void kpis.refetch()} />;

  return (
    <section className="page">
      <p>
        <Link to="/admin/templates">{t('templateAdmin.back')}</Link>
      </p>
      <h1>{t('templateAdmin.createTitle')}</h1>
      <TemplateEditor
        mode="create"
        initial={emptyDraft()}
        kpis={kpis.data}
        send={async (input) => {
          const result = await create.mutateAsync(input);
          void navigate(`/admin/templates/${result.id}`);
          return result;
        }}
      />
    </section>
  );
}
