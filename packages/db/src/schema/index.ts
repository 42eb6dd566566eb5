export * from './audit.ts';
export * from './identity.ts';
export * from './notifications.ts';
export * from './partners.ts';
