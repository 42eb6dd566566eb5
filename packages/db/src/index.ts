export * from './client.ts';
export * from './copy.ts';
export * from './errors.ts';
export * from './insert-many.ts';
export * from './lock.ts';
export * from './migrate.ts';
export * as schema from './schema/index.ts';
