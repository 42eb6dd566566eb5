import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { enUS } from '../i18n/en-US.ts';

type Role = keyof typeof enUS.roles;
const known = (r: string): r is Role =>
  ['admin', 'member', 'ecosystem_manager', 'reviewer', 'finance', 'support'].includes(r);

export function RoleTags({ roles }: { roles: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {roles.map((r) => (
        <Tag key={r} color="blue">
          {known(r) ? t(`roles.${r}`) : r}
        </Tag>
      ))}
    </>
  );
}
