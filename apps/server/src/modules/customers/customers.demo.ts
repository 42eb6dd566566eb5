import { createHash } from 'node:crypto';
import type { DbOrTx } from '@pc/db';
import { atDemoHistoryStart } from '../../platform/clock/demo-history.ts';
import { type AppContext, systemActor } from '../../platform/context.ts';
import { newId } from '../../platform/ids/ids.ts';
import { createUser, DEMO_CUSTOMER_USER, DEMO_PASSWORD, findUserByEmail } from '../identity/index.ts';
import { findCustomer, findPendingRequest, insertRequest } from './customers.repository.ts';
import type { AssociationType } from './customers.rules.ts';
import { associate, createCustomerAccount, setCustomerUser } from './customers.service.ts';

const SOLUTION = 'prt_demo_solution';
const DISTRIBUTOR = 'prt_demo_distributor';
const RESELLER = 'prt_demo_reseller';
export const DEMO_CUSTOMER_EMAIL = 'customer@customer.demo';

interface DemoCustomer {
  key: string;
  name: string;
  domainName: string;
  email: string;
  phone: string | null;
  customerType: 'individual' | 'enterprise';
  partnerId: string | null;
  type: AssociationType;
  label?: string;
}

/** Fixed keys so the ids and 32-hex domain ids stay the same across starts (and in API examples). */
const CUSTOMERS: DemoCustomer[] = [
  {
    key: 'c1',
    name: '星河电商有限公司',
    domainName: 'xinghe_shop',
    email: 'ops@xinghe.demo',
    phone: '+8613800000001',
    customerType: 'enterprise',
    partnerId: SOLUTION,
    type: 'resale',
    label: 'VIP',
  },
  {
    key: 'c2',
    name: '蓝鲸教育科技',
    domainName: 'lanjing_edu',
    email: 'it@lanjing.demo',
    phone: null,
    customerType: 'enterprise',
    partnerId: SOLUTION,
    type: 'referral',
  },
  {
    key: 'c3',
    name: 'Wang Lei',
    domainName: 'wanglei-dev',
    email: 'wanglei@personal.demo',
    phone: '+8613800000003',
    customerType: 'individual',
    partnerId: SOLUTION,
    type: 'referral',
  },
  {
    key: 'c4',
    name: '启明医疗信息',
    domainName: 'qiming_med',
    email: 'cloud@qiming.demo',
    phone: '+8613800000004',
    customerType: 'enterprise',
    partnerId: RESELLER,
    type: 'resale',
    label: '医疗',
  },
  {
    key: 'c5',
    name: '北辰物流',
    domainName: 'beichen_logistics',
    email: 'admin@beichen.demo',
    phone: null,
    customerType: 'enterprise',
    partnerId: RESELLER,
    type: 'referral',
  },
  {
    key: 'c6',
    name: '远航自营客户',
    domainName: 'yuanhang_direct',
    email: 'direct@yuanhang-customer.demo',
    phone: null,
    customerType: 'enterprise',
    partnerId: DISTRIBUTOR,
    type: 'resale',
  },
  // Not associated yet: its application waits at the solution provider.
  {
    key: 'c7',
    name: '陈晓',
    domainName: 'chenxiao_studio',
    email: DEMO_CUSTOMER_EMAIL,
    phone: '+8613800000007',
    customerType: 'individual',
    partnerId: null,
    type: 'referral',
  },
];

export function demoCustomerId(key: string): string {
  return `cus_demo_${key}`;
}

function demoCustomerDomainId(key: string): string {
  return createHash('sha256').update(`demo-customer:${key}`).digest('hex').slice(0, 32);
}

/**
 * Demo customers (R6): three of the solution provider, two of the reseller (so the distributor sees
 * them through its reseller), one of the distributor, and one whose application waits at the
 * solution provider. Idempotent. One of them signs in to the customer area (DEMO_CUSTOMER_USER).
 */
export async function seedDemoCustomers(ctx: AppContext): Promise<void> {
  const actor = systemActor();
  const history = atDemoHistoryStart(ctx);
  for (const d of CUSTOMERS) {
    // The solution provider's customers are its own since the demo's history start (incentives demo).
    const at = d.partnerId === SOLUTION ? history : ctx;
    await ctx.db.transaction(async (tx) => {
      const id = demoCustomerId(d.key);
      if (await findCustomer(tx, id)) return;
      const customer = await createCustomerAccount(at, tx, actor, {
        id,
        domainId: demoCustomerDomainId(d.key),
        name: d.name,
        domainName: d.domainName,
        email: d.email,
        phone: d.phone,
        customerType: d.customerType,
        origin: 'demo',
      });
      if (d.partnerId) {
        await associate(at, tx, actor, {
          customerId: customer.id,
          partnerId: d.partnerId,
          type: d.type,
          source: 'demo',
          label: d.label ?? null,
        });
      } else if (!(await findPendingRequest(tx, SOLUTION, { customerId: customer.id }))) {
        const now = ctx.clock.now();
        await insertRequest(tx, {
          id: newId('creq', now.getTime()),
          direction: 'application',
          partnerId: SOLUTION,
          customerId: customer.id,
          email: d.email,
          type: 'resale',
          status: 'pending',
          createdAt: now,
        });
      }
    });
  }
  await ctx.db.transaction((tx) => seedCustomerUser(ctx, tx));
}

/** The demo customer's sign-in (customer area), made once; `createUser` refuses a taken email. */
async function seedCustomerUser(ctx: AppContext, tx: DbOrTx) {
  const d = CUSTOMERS.find((c) => c.key === DEMO_CUSTOMER_USER.key)!;
  const customerId = demoCustomerId(d.key);
  const customer = await findCustomer(tx, customerId);
  if (!customer || customer.userId || (await findUserByEmail(tx, DEMO_CUSTOMER_USER.email))) return;
  const user = await createUser(ctx, tx, systemActor(), {
    userType: 'customer',
    partnerId: null,
    customerId,
    roles: [],
    email: DEMO_CUSTOMER_USER.email,
    phone: d.phone,
    name: d.name,
    password: DEMO_PASSWORD,
    locale: 'zh-CN',
    verified: true,
  });
  await setCustomerUser(tx, customerId, user.id);
}
