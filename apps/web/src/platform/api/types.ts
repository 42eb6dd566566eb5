import type { ApiPaths } from './client.ts';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The 200 body of `GET|POST|PATCH path`. */
export type ResponseOf<P extends keyof ApiPaths, M extends keyof ApiPaths[P]> = ApiPaths[P][M] extends {
  responses: { 200: infer R };
}
  ? JsonOf<R>
  : never;

export type Me = ResponseOf<'/api/me', 'get'>;
export type Locale = Me['locale'];
export type Program = ResponseOf<'/api/programs/{code}', 'get'>;
export type Message = ResponseOf<'/api/messages', 'get'>['items'][number];
export type MessagePage = ResponseOf<'/api/messages', 'get'>;
export type AuditEntry = ResponseOf<'/api/console/audit', 'get'>['items'][number];
export type OutboxEntry = ResponseOf<'/api/console/outbox', 'get'>['items'][number];
export type Registration = ResponseOf<'/api/console/partners', 'get'>['items'][number];
export type Channel = OutboxEntry['channel'];
