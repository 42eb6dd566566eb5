import './identity.errors.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { UserRow } from './identity.repository.ts';

/** R8: a federated account's name, contacts and password belong to the central identity provider. */
export function assertLocalAccount(u: UserRow): void {
  if (u.accountKind !== 'local') throw new AppError('identity.federated_profile');
}
