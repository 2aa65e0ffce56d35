import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_LEVELS } from '../../../../shared/agencies';
import { TASK_SORTS } from '../../../../shared/task-sorts';
import { TASK_STATUSES, type TaskStatus } from '../../../../shared/task-status';
import { AgencyPicker } from '../../../components/agency-picker';
import { DateInput } from '../../../components/date-input';
import { SearchBox } from '../../../components/search-box';
import { PAGE_SIZES, type TaskListState, type TaskSort } from '../task-list-params';

export const GROUP_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

const SORT_LABEL = {
  deadline: 'taskList.sortDeadline',
  createdAt: 'taskList.sortCreatedAt',
  title: 'taskList.sortTitle',
  percent: 'taskList.sortPercent',
  lastUpdate: 'taskList.sortLastUpdate',
} as const satisfies Record<TaskSort, string>;

interface TaskFiltersProps {
  state: TaskListState;
  agencyName: string | null;
  documentNumber: string | null;
  /** Changes some filters and goes back to the first page. */
  onChange: (patch: Partial<TaskListState>, replace?: boolean) => void;
}

/** The filters in use, search aside (it stays in view): the number the toggle shows. */
export function countFilters(state: TaskListState): number {
  const { q: _q, sort: _s, direction: _d, page: _p, pageSize: _ps, ...filters } = state;
  return Object.values(filters).filter((v) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    .length;
}

/** Narrow screens start with the filters folded, so the first task shows without scrolling. */
const NARROW = '(max-width: 48rem)';

export function TaskFilters({ state, agencyName, documentNumber, onChange }: TaskFiltersProps) {
  const { t } = useTranslation();
  const id = useId();
  const used = countFilters(state);
  // Folded when the list opens already filtered (a link, a reload) or on a phone; the user decides after.
  const [open, setOpen] = useState(
    () => used === 0 && !(typeof window !== 'undefined' && window.matchMedia?.(NARROW).matches),
  );
  const onSearch = useCallback((q: string) => onChange({ q: q || undefined }, true), [onChange]);

  function toggleStatus(status: TaskStatus, checked: boolean) {
    const current = new Set(state.status ?? []);
    if (checked) current.add(status);
    else current.delete(status);
    const next = TASK_STATUSES.filter((s) => current.has(s));
    onChange({ status: next.length ? next : undefined });
  }

  return (
    <search className="task-filters" aria-label={t('taskList.filters')}>
      <div className="task-filters__top">
        <SearchBox
          value={state.q ?? ''}
          onSearch={onSearch}
          label={t('taskList.search')}
          hint={t('taskList.searchHint')}
        />
        <button
          type="button"
          className="button task-filters__toggle"
          aria-expanded={open}
          aria-controls={`${id}-panel`}
          onClick={() => setOpen((o) => !o)}
        >
          {used ? t('taskList.filtersToggleCount', { count: used }) : t('taskList.filtersToggle')}
        </button>
      </div>
      <div className="task-filters__grid" id={`${id}-panel`} hidden={!open}>
        <fieldset className="task-filters__statuses">
          <legend>{t('taskList.status')}</legend>
          {TASK_STATUSES.map((status) => (
            <label key={status} className="check">
              <input
                type="checkbox"
                checked={state.status?.includes(status) ?? false}
                onChange={(event) => toggleStatus(status, event.target.checked)}
              />
              {t(`status.${status}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('taskList.flags')}</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={state.dueSoon ?? false}
              onChange={(event) => onChange({ dueSoon: event.target.checked || undefined })}
            />
            {t('taskList.dueSoon')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={state.stale ?? false}
              onChange={(event) => onChange({ stale: event.target.checked || undefined })}
            />
            {t('taskList.stale')}
          </label>
          <div className="field">
            <label htmlFor={`${id}-key`}>{t('taskList.isKey')}</label>
            <select
              id={`${id}-key`}
              value={state.isKey === undefined ? '' : state.isKey ? '1' : '0'}
              onChange={(event) =>
                onChange({ isKey: event.target.value === '' ? undefined : event.target.value === '1' })
              }
            >
              <option value="">{t('taskList.keyAll')}</option>
              <option value="1">{t('taskList.keyOnly')}</option>
              <option value="0">{t('taskList.keyNot')}</option>
            </select>
          </div>
        </fieldset>
        <div className="task-filters__column">
          <AgencyPicker
            label={t('taskList.agency')}
            value={
              state.agencyId && agencyName
                ? [{ id: state.agencyId, nameVi: agencyName, nameEn: agencyName }]
                : []
            }
            onChange={(picked) => onChange({ agencyId: picked[0]?.id })}
          />
          <div className="field">
            <label htmlFor={`${id}-level`}>{t('taskList.level')}</label>
            <select
              id={`${id}-level`}
              value={state.agencyLevel ?? ''}
              onChange={(event) =>
                onChange({ agencyLevel: AGENCY_LEVELS.find((level) => level === event.target.value) })
              }
            >
              <option value="">{t('taskList.allLevels')}</option>
              {AGENCY_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`levels.${level}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-group`}>{t('taskList.group')}</label>
            <select
              id={`${id}-group`}
              value={state.groupNo ?? ''}
              onChange={(event) => onChange({ groupNo: Number(event.target.value) || undefined })}
            >
              <option value="">{t('taskList.allGroups')}</option>
              {GROUP_NUMBERS.map((no) => (
                <option key={no} value={no}>
                  {t('taskList.groupOption', { no, name: t(`taskList.groups.g${no}`) })}
                </option>
              ))}
            </select>
          </div>
          {state.completion?.length ? (
            <p className="chip">
              <span>
                {t('taskList.completionFilter', {
                  states: state.completion.map((c) => t(`taskList.completionStates.${c}`)).join(', '),
                })}
              </span>
              <button
                type="button"
                className="button button--small"
                onClick={() => onChange({ completion: undefined })}
              >
                {t('taskList.clearCompletion')}
              </button>
            </p>
          ) : null}
          {state.extensionPending && (
            <p className="chip">
              <span>{t('taskList.extensionPending')}</span>
              <button
                type="button"
                className="button button--small"
                onClick={() => onChange({ extensionPending: undefined })}
              >
                {t('taskList.clearExtension')}
              </button>
            </p>
          )}
          {state.documentId && (
            <p className="chip">
              <span>
                {t('taskList.document', {
                  number: documentNumber ?? t('taskList.documentUnknown', { id: state.documentId }),
                })}
              </span>
              <button
                type="button"
                className="button button--small"
                onClick={() => onChange({ documentId: undefined })}
              >
                {t('taskList.clearDocument')}
              </button>
            </p>
          )}
        </div>
        <div className="task-filters__column">
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('taskList.deadlineFrom')}</label>
            <DateInput
              id={`${id}-from`}
              value={state.deadlineFrom ?? ''}
              aria-describedby={`${id}-date-hint`}
              onChange={(date) => onChange({ deadlineFrom: date || undefined })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('taskList.deadlineTo')}</label>
            <DateInput
              id={`${id}-to`}
              value={state.deadlineTo ?? ''}
              aria-describedby={`${id}-date-hint`}
              onChange={(date) => onChange({ deadlineTo: date || undefined })}
            />
          </div>
          <p className="hint" id={`${id}-date-hint`}>
            {t('validation.dateHint')}
          </p>
        </div>
        <div className="task-filters__column">
          <div className="field">
            <label htmlFor={`${id}-sort`}>{t('taskList.sort')}</label>
            <select
              id={`${id}-sort`}
              value={state.sort}
              onChange={(event) =>
                onChange({ sort: TASK_SORTS.find((s) => s === event.target.value) ?? 'deadline' })
              }
            >
              {TASK_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(SORT_LABEL[sort])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-dir`}>{t('taskList.direction')}</label>
            <select
              id={`${id}-dir`}
              value={state.direction}
              onChange={(event) => onChange({ direction: event.target.value === 'desc' ? 'desc' : 'asc' })}
            >
              <option value="asc">{t('taskList.asc')}</option>
              <option value="desc">{t('taskList.desc')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-size`}>{t('taskList.pageSize')}</label>
            <select
              id={`${id}-size`}
              value={state.pageSize}
              onChange={(event) =>
                onChange({ pageSize: PAGE_SIZES.find((s) => s === Number(event.target.value)) ?? 25 })
              }
            >
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
    </search>
  );
}
