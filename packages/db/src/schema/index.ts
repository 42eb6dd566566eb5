export * from './audit.ts';
export * from './certificates.ts';
export * from './certification.ts';
export * from './identity.ts';
export * from './jobs.ts';
export * from './notifications.ts';
export * from './partners.ts';
export * from './tickets.ts';
