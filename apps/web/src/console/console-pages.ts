// The operator console, loaded as its own chunk.
export { MessagesPage as ConsoleMessagesPage } from '../components/messages-page.tsx';
export { AuditPage } from './audit-page.tsx';
export { ReviewQueuePage } from './certificates/review-queue-page.tsx';
export { CertificationQueuePage } from './certification/certification-queue-page.tsx';
export { CertificationReviewPage } from './certification/certification-review-page.tsx';
export { ConsoleDashboardPage } from './console-dashboard-page.tsx';
export { ConsoleLayout } from './console-layout.tsx';
export { ConsoleSignInPage } from './console-sign-in-page.tsx';
export { ConsoleCustomersPage } from './customers/console-customers-page.tsx';
export { MembershipQueuePage } from './memberships/membership-queue-page.tsx';
export { OutboxPage } from './outbox-page.tsx';
export { PartnerDetailPage } from './partner-detail/partner-detail-page.tsx';
export { RegistrationsPage } from './registrations-page.tsx';
export { SpendImportPage } from './spend/spend-import-page.tsx';
export { ConsoleTicketPage } from './tickets/console-ticket-page.tsx';
export { HolidaysPage } from './tickets/holidays-page.tsx';
export { TicketQueuePage } from './tickets/ticket-queue-page.tsx';
