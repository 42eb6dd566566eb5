import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../platform/components/coming-soon.tsx';

// Capabilities that later issues build; each page says so instead of showing made-up data.
export function CustomersPage() {
  return <ComingSoon feature="customers" title={useTranslation().t('nav.customers')} />;
}
export function BenefitsPage() {
  return <ComingSoon feature="benefits" title={useTranslation().t('nav.benefits')} />;
}
export function BillingPage() {
  return <ComingSoon feature="billing" title={useTranslation().t('nav.billing')} />;
}
