import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { ScrollRegion } from '../../../components/scroll-region';
import { SimpleTable } from '../../../components/simple-table';
import { Spinner } from '../../../components/spinner';
import { formatCount } from '../../../lib/format';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { usePageTitle } from '../../../lib/use-page-title';
import { useTemplates } from '../api/template-queries';
import '../templates.css';

/** Every reporting regime, its current version and how much it is used; each leads to its page. */
export function TemplatesPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const language = i18n.language;
  usePageTitle(t('templateAdmin.title'));
  const me = useCurrentUserQuery();
  const list = useTemplates();

  return (
    <section className="page">
      <h1>{t('templateAdmin.title')}</h1>
      <p className="hint">{t('templateAdmin.intro')}</p>
      <p>
        {me.data?.role === 'admin' && (
          <>
            <Link className="button button--primary" to="/admin/templates/new">
              {t('templateAdmin.create')}
            </Link>{' '}
          </>
        )}
        <Link to="/admin/holidays">{t('templateAdmin.holidaysLink')}</Link>
      </p>
      {list.isPending ? (
        <Spinner />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p role="status">{t('templateAdmin.empty')}</p>
      ) : (
        <ScrollRegion label={t('templateAdmin.caption')}>
          <SimpleTable
            caption={t('templateAdmin.caption')}
            columns={[
              {
                key: 'code',
                header: t('templateAdmin.code'),
                cell: ({ code, current }) => (
                  <Link
                    to={`/admin/templates/${current.id}`}
                    aria-label={t('templateAdmin.openTemplate', { code })}
                  >
                    {code}
                  </Link>
                ),
                rowHeader: true,
              },
              {
                key: 'name',
                header: t('templateAdmin.name'),
                cell: ({ current }) => (en ? current.nameEn : current.nameVi),
              },
              {
                key: 'periodType',
                header: t('templateAdmin.periodType'),
                cell: ({ current }) => t(`templateAdmin.periodTypes.${current.periodType}`),
              },
              {
                key: 'version',
                header: t('templateAdmin.version'),
                cell: ({ current }) => current.version,
                numeric: true,
              },
              {
                key: 'active',
                header: t('templateAdmin.active'),
                cell: ({ current }) =>
                  current.active ? t('templateAdmin.active') : t('templateAdmin.retired'),
              },
              {
                key: 'submissions',
                header: t('templateAdmin.submissions'),
                cell: ({ versions }) =>
                  formatCount(
                    versions.reduce((sum, v) => sum + v.submissions, 0),
                    language,
                  ),
                numeric: true,
              },
            ]}
            rows={list.data}
            rowKey={(item) => item.code}
          />
        </ScrollRegion>
      )}
    </section>
  );
}
