import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mayRegisterDocuments } from '../../../../shared/page-access';
import { ErrorState } from '../../../components/error-state';
import { Pagination } from '../../../components/pagination';
import { SearchBox } from '../../../components/search-box';
import { Spinner } from '../../../components/spinner';
import { formatDate } from '../../../lib/format';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { useListParams } from '../../../lib/use-list-params';
import { usePageTitle } from '../../../lib/use-page-title';
import { DOCUMENTS_PAGE_SIZE, useDocuments } from '../api/document-queries';
import './documents.css';
import { ScrollRegion } from '../../../components/scroll-region';

/** Directive documents, newest first, searchable with or without diacritics; the Office registers new ones. */
export function DocumentsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('documents.title'));
  const captionId = useId();
  const exportHintId = useId();
  const me = useCurrentUserQuery();
  const { q, page, onSearch, onPageChange } = useListParams();
  const documents = useDocuments(q, page);

  return (
    <section className="page">
      <div className="page__header">
        <h1>{t('documents.title')}</h1>
        <div className="button-row">
          <a
            className="button"
            href={`/export/documents.xlsx?filter=${encodeURIComponent(JSON.stringify({ q: q || undefined }))}&lang=${i18n.language === 'en' ? 'en' : 'vi'}`}
            download
            aria-describedby={exportHintId}
          >
            {t('excel.download')}
          </a>
          {me.data && mayRegisterDocuments(me.data) && (
            <Link className="button button--primary" to="/documents/new">
              {t('documents.register')}
            </Link>
          )}
        </div>
      </div>
      <p className="hint" id={exportHintId}>
        {t('documents.exportHint')}
      </p>
      <SearchBox
        value={q}
        onSearch={onSearch}
        label={t('documents.search')}
        hint={t('documents.searchHint')}
      />
      {documents.isPending ? (
        <Spinner />
      ) : documents.isError ? (
        <ErrorState error={documents.error} onRetry={() => void documents.refetch()} />
      ) : documents.data.total === 0 ? (
        <p className="empty" role="status">
          {t('documents.noResults')}
        </p>
      ) : (
        <div className="stack">
          <ScrollRegion labelledBy={captionId}>
            <table className="data-table" aria-busy={documents.isPlaceholderData}>
              <caption id={captionId}>{t('documents.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('documents.number')}</th>
                  <th scope="col">{t('documents.docTitle')}</th>
                  <th scope="col">{t('documents.kind')}</th>
                  <th scope="col">{t('documents.issuedOn')}</th>
                  <th scope="col">{t('documents.signer')}</th>
                  <th scope="col" className="numeric">
                    {t('documents.taskCount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {documents.data.items.map((doc) => (
                  <tr key={doc.id}>
                    <th scope="row" className="nowrap">
                      <Link to={`/documents/${doc.id}`}>{doc.number}</Link>
                    </th>
                    <td>{doc.title}</td>
                    <td>{t(`documents.kinds.${doc.kind}`)}</td>
                    <td className="nowrap">{formatDate(doc.issuedOn)}</td>
                    <td>{doc.signer}</td>
                    <td className="numeric">{doc.taskCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <Pagination
            page={page}
            pageSize={DOCUMENTS_PAGE_SIZE}
            total={documents.data.total}
            onPageChange={onPageChange}
          />
        </div>
      )}
    </section>
  );
}
