// The app's features: routes, menus, partner-detail tabs and texts all come from this list.
// Adding a feature: its folder with an index.ts (defineFeature) and one line here.
import { audit } from './audit/index.ts';
import { bills } from './bills/index.ts';
import { budgets } from './budgets/index.ts';
import { certificates } from './certificates/index.ts';
import { certification } from './certification/index.ts';
import { customers } from './customers/index.ts';
import { dashboard } from './dashboard/index.ts';
import { developer } from './developer/index.ts';
import { events } from './events/index.ts';
import { identity } from './identity/index.ts';
import { incentives } from './incentives/index.ts';
import { invoices } from './invoices/index.ts';
import { memberships } from './memberships/index.ts';
import { messages } from './messages/index.ts';
import { operators } from './operators/index.ts';
import { organization } from './organization/index.ts';
import { outbox } from './outbox/index.ts';
import { partners } from './partners/index.ts';
import { programs } from './programs/index.ts';
import { security } from './security/index.ts';
import { spend } from './spend/index.ts';
import { subscriptions } from './subscriptions/index.ts';
import { tickets } from './tickets/index.ts';

export const FEATURES = [
  identity,
  programs,
  dashboard,
  partners,
  organization,
  certification,
  certificates,
  memberships,
  customers,
  invoices,
  budgets,
  bills,
  spend,
  incentives,
  subscriptions,
  security,
  tickets,
  developer,
  events,
  messages,
  audit,
  outbox,
  operators,
] as const;
