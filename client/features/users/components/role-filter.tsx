import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/roles';

export function parseRole(value: string | null): Role | undefined {
  return ROLES.find((role) => role === value);
}

export function RoleFilter({
  value,
  onChange,
}: {
  value: Role | undefined;
  onChange: (role?: Role) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('users.role')}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(parseRole(event.target.value))}>
        <option value="">{t('users.allRoles')}</option>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
