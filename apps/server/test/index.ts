export * from './app.ts';
export * from './db.ts';
