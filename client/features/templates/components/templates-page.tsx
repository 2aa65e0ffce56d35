import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
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
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('templateAdmin.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('templateAdmin.code')}</th>
                <th scope="col">{t('templateAdmin.name')}</th>
                <th scope="col">{t('templateAdmin.periodType')}</th>
                <th scope="col">{t('templateAdmin.version')}</th>
                <th scope="col">{t('templateAdmin.active')}</th>
                <th scope="col">{t('templateAdmin.submissions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map(({ code, current, versions }) => (
                <tr key={code}>
                  <th scope="row">
                    <Link
                      to={`/admin/templates/${current.id}`}
                      aria-label={t('templateAdmin.openTemplate', { code })}
                    >
                      {code}
                    </Link>
                  </th>
                  <td>{en ? current.nameEn : current.nameVi}</td>
                  <td>{t(`templateAdmin.periodTypes.${current.periodType}`)}</td>
                  <td className="numeric">{current.version}</td>
                  <td>{current.active ? t('templateAdmin.active') : t('templateAdmin.retired')}</td>
                  <td className="numeric">
                    {formatCount(
                      versions.reduce((sum, v) => sum + v.submissions, 0),
                      language,
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
