import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { mayOpen } from '../../../../shared/page-access';
import { isOversight } from '../../../../shared/roles';
import { ErrorState } from '../../../components/error-state';
import { SelectField } from '../../../components/form-controls';
import { Spinner } from '../../../components/spinner';
import { formatDateTime } from '../../../lib/format';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { usePageTitle } from '../../../lib/use-page-title';
import { useProvinceRollup, useProvinces } from '../api/rollup-queries';
import './rollup.css';
import {
  CommuneKpis,
  CommuneRanking,
  CommuneReports,
  RollupTaskList,
  RollupTaskSummary,
} from './rollup-sections';

/**
 * A province over its communes: its own staff see their province; the oversight roles choose one
 * (`?province=`). Every figure is the communes' sum, with its "as of" and how many units it covers, and
 * leads on to the commune, the task or the report behind it.
 */
export function ProvinceRollupPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUserQuery().data;
  const [params, setParams] = useSearchParams();
  const oversight = me ? isOversight(me.role) : false;
  const chosen = Number(params.get('province'));
  const provinceId = oversight
    ? Number.isInteger(chosen) && chosen > 0
      ? chosen
      : null
    : me?.agencyLevel === 'provincial'
      ? me.agencyId
      : null;
  const provinces = useProvinces(oversight);
  const rollup = useProvinceRollup(provinceId);
  const name = (x: { nameVi: string; nameEn: string }) => (i18n.language === 'en' ? x.nameEn : x.nameVi);
  const data = rollup.data;
  usePageTitle(data ? t('rollup.titleOf', { province: name(data.province) }) : t('rollup.title'));

  return (
    <section className="page rollup">
      <h1>{data ? t('rollup.titleOf', { province: name(data.province) }) : t('rollup.title')}</h1>
      <p className="hint">{t('rollup.intro')}</p>
      {oversight && (
        <SelectField
          label={t('rollup.pickProvince')}
          placeholder={t('rollup.pickPlaceholder')}
          options={(provinces.data?.items ?? []).map((p) => ({ value: String(p.id), label: name(p) }))}
          value={provinceId ? String(provinceId) : ''}
          onChange={(value) => setParams(value ? { province: value } : {})}
        />
      )}
      {provinceId === null ? (
        <p>{oversight ? t('rollup.choose') : t('rollup.notProvince')}</p>
      ) : rollup.isError ? (
        <ErrorState error={rollup.error} onRetry={() => void rollup.refetch()} />
      ) : !data ? (
        <Spinner />
      ) : (
        <>
          <p className="rollup__as-of" aria-live="polite">
            {t('rollup.asOf', { time: formatDateTime(data.asOf), count: data.communeCount })}
          </p>
          <p className="borders-note">{t('borders.communes')}</p>
          <RollupTaskSummary data={data} />
          <CommuneRanking data={data} />
          <RollupTaskList kind="overdue" data={data} />
          <RollupTaskList kind="stale" data={data} />
          <CommuneReports
            data={data}
            mayOpenCompliance={me ? mayOpen(me.role, '/reports/compliance') : false}
          />
          <CommuneKpis data={data} />
        </>
      )}
    </section>
  );
}
