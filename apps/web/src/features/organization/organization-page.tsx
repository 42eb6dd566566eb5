import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useMe } from '../../platform/api/session.ts';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { InvitationsTab } from './invitations-tab.tsx';
import { MembersTab } from './members-tab.tsx';
import { MyQualificationsTab } from './my-qualifications-tab.tsx';
import { QualificationsOverviewTab } from './qualifications-overview-tab.tsx';

const ADMIN_TABS = [
  'members',
  'invitations',
  'project-specialists',
  'qualifications',
  'my-qualifications',
] as const;
type TabKey = (typeof ADMIN_TABS)[number];

/** Portal > Organization (R12). Administrators manage members; everyone keeps their qualifications. */
export function OrganizationPage() {
  const { t } = useTranslation();
  const { tab } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const isAdmin = me.data?.roles.includes('admin') ?? false;
  const keys: readonly TabKey[] = isAdmin ? ADMIN_TABS : ['my-qualifications'];
  const active = keys.find((k) => k === tab);
  if (!active) return <Navigate to={`/organization/${keys[0]}`} replace />;
  const label: Record<TabKey, string> = {
    members: t('organization.tabs.members'),
    invitations: t('organization.tabs.invitations'),
    'project-specialists': t('organization.tabs.specialists'),
    qualifications: t('organization.tabs.qualifications'),
    'my-qualifications': t('organization.tabs.mine'),
  };
  const content: Record<TabKey, React.ReactNode> = {
    members: <MembersTab />,
    invitations: <InvitationsTab />,
    'project-specialists': <MembersTab specialistsOnly />,
    qualifications: <QualificationsOverviewTab />,
    'my-qualifications': <MyQualificationsTab />,
  };
  return (
    <>
      <PageHeader title={t('organization.title')} subtitle={t('organization.subtitle')} />
      <Tabs
        activeKey={active}
        onChange={(k) => navigate(`/organization/${k}`)}
        destroyOnHidden
        items={keys.map((k) => ({
          key: k,
          label: <span data-testid={`org-tab-${k}`}>{label[k]}</span>,
          children: content[k],
        }))}
      />
    </>
  );
}
