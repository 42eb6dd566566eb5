import { CalendarOutlined, CustomerServiceOutlined } from '@ant-design/icons';
import { defineFeature, lazyComponent, lazyPage } from '../../platform/feature.ts';
import { canSeeTickets } from '../../platform/roles.ts';

/** Support tickets: the partner's tickets, the console's queue, working days. */
export const tickets = defineFeature({
  name: 'tickets',
  routes: {
    portal: [
      { path: 'support', ...lazyPage(() => import('./support-page.tsx'), 'SupportPage') },
      { path: 'support/new', ...lazyPage(() => import('./new-ticket-page.tsx'), 'NewTicketPage') },
      {
        path: 'support/tickets/:id',
        ...lazyPage(() => import('./ticket-detail-page.tsx'), 'TicketDetailPage'),
      },
    ],
    console: [
      { path: 'tickets', ...lazyPage(() => import('./ticket-queue-page.tsx'), 'TicketQueuePage') },
      { path: 'tickets/:id', ...lazyPage(() => import('./console-ticket-page.tsx'), 'ConsoleTicketPage') },
      { path: 'holidays', ...lazyPage(() => import('./holidays-page.tsx'), 'HolidaysPage') },
    ],
  },
  portalMenu: [
    {
      key: 'support',
      path: '/support',
      label: { 'zh-CN': '工单支持', 'en-US': 'Support' },
      icon: CustomerServiceOutlined,
      order: 80,
    },
  ],
  consoleMenu: [
    {
      key: 'tickets',
      path: '/console/tickets',
      label: { 'zh-CN': '工单队列', 'en-US': 'Tickets' },
      icon: CustomerServiceOutlined,
      order: 90,
      visible: canSeeTickets,
    },
    {
      key: 'holidays',
      path: '/console/holidays',
      label: { 'zh-CN': '节假日日历', 'en-US': 'Holiday calendar' },
      icon: CalendarOutlined,
      order: 110,
    },
  ],
  partnerTabs: [
    {
      key: 'tickets',
      label: { 'zh-CN': '工单', 'en-US': 'Tickets' },
      order: 30,
      component: lazyComponent(() => import('./partner-tickets-tab.tsx'), 'PartnerTicketsTab'),
    },
  ],
  strings: {
    'en-US': () => import('./tickets.en-US.ts').then((m) => m.ticketsEnUS),
    'zh-CN': () => import('./tickets.zh-CN.ts').then((m) => m.ticketsZhCN),
  },
});
