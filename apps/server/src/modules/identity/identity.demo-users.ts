/** The demo accounts `npm start` creates and prints. */
export const DEMO_PASSWORD = 'Demo@2026';
/**
 * The demo operators' authenticator secret (base32, RFC 6238 SHA-1/6 digits/30 s), published like
 * the password: add it to an authenticator app to sign in to the demo console. Never in production
 * (the demo data is not seeded there). Journeys compute codes from it (e2e/support/totp.ts).
 */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export interface DemoUser {
  label: string;
  email: string;
  name: string;
  userType: 'partner' | 'operator';
  roles: string[];
  /** Key of the demo partner the user belongs to. */
  partner?: 'solution' | 'distributor' | 'reseller';
}

export const DEMO_USERS: DemoUser[] = [
  {
    label: 'Partner administrator',
    email: 'admin@solution.demo',
    name: '王敏',
    userType: 'partner',
    roles: ['admin'],
    partner: 'solution',
  },
  {
    label: 'Partner member',
    email: 'member@solution.demo',
    name: '李强',
    userType: 'partner',
    roles: ['member'],
    partner: 'solution',
  },
  {
    label: 'Distributor administrator',
    email: 'admin@distributor.demo',
    name: '陈静',
    userType: 'partner',
    roles: ['admin'],
    partner: 'distributor',
  },
  {
    label: 'Cloud reseller administrator',
    email: 'admin@reseller.demo',
    name: '赵磊',
    userType: 'partner',
    roles: ['admin'],
    partner: 'reseller',
  },
  {
    label: 'Operator: ecosystem manager',
    email: 'eco@operator.demo',
    name: '周洁',
    userType: 'operator',
    roles: ['ecosystem_manager'],
  },
  {
    label: 'Operator: reviewer',
    email: 'reviewer@operator.demo',
    name: '吴昊',
    userType: 'operator',
    roles: ['reviewer'],
  },
  {
    label: 'Operator: finance',
    email: 'finance@operator.demo',
    name: '郑芳',
    userType: 'operator',
    roles: ['finance'],
  },
  {
    label: 'Operator: support',
    email: 'support@operator.demo',
    name: '孙悦',
    userType: 'operator',
    roles: ['support'],
  },
  {
    label: 'Operator: admin',
    email: 'admin@operator.demo',
    name: '钱进',
    userType: 'operator',
    roles: ['admin'],
  },
];

/**
 * The sign-in of a demo customer (the solution provider's customer 星河电商, `cus_demo_c1`) for the
 * customer area at /customer; made with the demo customers (customers module), same password.
 */
export const DEMO_CUSTOMER_USER = { label: 'Customer (customer area)', email: 'ops@xinghe.demo', key: 'c1' };

/**
 * Two more accounts of the solution provider that show R1 and R8: one registered on the
 * international site (it sees the banner pointing there) and one federated account (its profile
 * is managed by the central identity provider). Same password as the others.
 */
export const EXTRA_DEMO_USERS: (DemoUser & { site: 'cn' | 'intl'; accountKind: 'local' | 'federated' })[] = [
  {
    label: 'International-site account (R1)',
    email: 'intl@solution.demo',
    name: 'Emma Liu',
    userType: 'partner',
    roles: ['member'],
    partner: 'solution',
    site: 'intl',
    accountKind: 'local',
  },
  {
    label: 'Federated account (R8)',
    email: 'federated@solution.demo',
    name: '林涛',
    userType: 'partner',
    roles: ['member'],
    partner: 'solution',
    site: 'cn',
    accountKind: 'federated',
  },
];
