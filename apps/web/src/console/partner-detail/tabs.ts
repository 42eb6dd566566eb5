// The partner detail page's tabs. Each module adds one line for its own tab;
// the page renders them in this order after the header.
import type { ParseKeys } from 'i18next';
import type { ComponentType } from 'react';
import { CertificateTab } from '../certificates/certificate-tab.tsx';
import { PartnerCertificationTab } from '../certification/partner-certification-tab.tsx';
import { PartnerMembershipsTab } from '../memberships/partner-memberships-tab.tsx';
import { PartnerOrganizationTab } from '../organization/partner-organization-tab.tsx';
import { PartnerTicketsTab } from '../tickets/partner-tickets-tab.tsx';
import { HistoryTab } from './history-tab.tsx';

export interface PartnerTabProps {
  partnerId: string;
}

export interface PartnerTab {
  /** Also the URL's `?tab=` value, and the data-testid suffix `partner-tab-<key>`. */
  key: string;
  labelKey: ParseKeys;
  component: ComponentType<PartnerTabProps>;
}

export const PARTNER_TABS: PartnerTab[] = [
  { key: 'memberships', labelKey: 'memberships.detail.tab', component: PartnerMembershipsTab },
  { key: 'history', labelKey: 'console.audit.title', component: HistoryTab },
  { key: 'tickets', labelKey: 'tickets.tab', component: PartnerTicketsTab },
  { key: 'organization', labelKey: 'organization.console.tab', component: PartnerOrganizationTab },
  { key: 'certificate', labelKey: 'certificates.console.tab', component: CertificateTab },
  { key: 'certification', labelKey: 'certification.console.partnerTab', component: PartnerCertificationTab },
];
