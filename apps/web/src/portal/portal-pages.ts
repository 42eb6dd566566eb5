// The signed-in portal, loaded as one chunk after sign-in.
export { MessagesPage as PortalMessagesPage } from '../components/messages-page.tsx';
export { BasicInfoPage } from './basic-info-page.tsx';
export {
  BenefitsPage,
  BillingPage,
  BusinessInfoPage,
  CustomersPage,
  DeveloperPage,
  OrganizationPage,
  SupportPage,
} from './coming-soon-pages.tsx';
export { DashboardPage } from './dashboard-page.tsx';
export { PortalLayout } from './portal-layout.tsx';
