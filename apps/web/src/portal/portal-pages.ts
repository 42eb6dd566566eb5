// The signed-in portal, loaded as one chunk after sign-in.
export { MessagesPage as PortalMessagesPage } from '../components/messages-page.tsx';
export { BasicInfoPage } from './basic-info-page.tsx';
export { CertificatePage } from './certificates/certificate-page.tsx';
export { BusinessInfoPage } from './certification/business-info-page.tsx';
export { BenefitsPage, BillingPage, CustomersPage } from './coming-soon-pages.tsx';
export { DashboardPage } from './dashboard-page.tsx';
export { DeliveriesPage } from './developer/deliveries-page.tsx';
export { IntegrationPage } from './developer/integration-page.tsx';
export { KeysPage } from './developer/keys-page.tsx';
export { SdkCentrePage } from './developer/sdk-centre-page.tsx';
export { WebhooksPage } from './developer/webhooks-page.tsx';
export { MembershipsPage } from './memberships/memberships-page.tsx';
export { OrganizationPage } from './organization/organization-page.tsx';
export { PortalLayout } from './portal-layout.tsx';
export { NewTicketPage } from './tickets/new-ticket-page.tsx';
export { SupportPage } from './tickets/support-page.tsx';
export { TicketDetailPage } from './tickets/ticket-detail-page.tsx';
