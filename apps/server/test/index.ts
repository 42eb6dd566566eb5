export * from './app.ts';
export * from './db.ts';
export * from './factories.ts';
