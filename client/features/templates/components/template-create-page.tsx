import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Spinner } from '../../../components/spinner';
import { useTRPC } from '../../../lib/trpc';
import { usePageTitle } from '../../../lib/use-page-title';
import { emptyDraft } from '../template-draft';
import { TemplateEditor } from './template-editor';
import { useAgencySearch } from './template-page';
import '../templates.css';

/** The administrator opens a new reporting regime; it then opens on its own page. */
export function TemplateCreatePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  usePageTitle(t('templateAdmin.createTitle'));
  const kpis = useQuery(trpc.templates.kpiOptions.queryOptions());
  const create = useMutation(trpc.templates.create.mutationOptions());
  const searchAgencies = useAgencySearch();

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
        searchAgencies={searchAgencies}
        send={async (input) => {
          const result = await create.mutateAsync(input);
          await queryClient.invalidateQueries(trpc.templates.list.pathFilter());
          void navigate(`/admin/templates/${result.id}`);
          return result;
        }}
      />
    </section>
  );
}
