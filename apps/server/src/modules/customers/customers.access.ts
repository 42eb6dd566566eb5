import '../../platform/partner-api/cbc.errors.ts';
import type { DbOrTx } from '@pc/db';
import { AppError } from '../../platform/errors/errors.ts';
import { activeDistributorIdOf, activeResellerIdsOf } from '../memberships/hierarchy.service.ts';
import { getPartnerByDomainId } from '../partners/partners.service.ts';
import {
  type AssociationRow,
  type CustomerRow,
  findActiveAssociation,
  findCustomerByDomainId,
} from './customers.repository.ts';

/**
 * The partner that acts in a partner-API call: the caller itself, or — for a distributor passing
 * `indirect_partner_id` — one of its active resellers. A reseller may pass its own id. Anything
 * else is `CBC.99000037`.
 */
export async function resolveActingPartner(
  tx: DbOrTx,
  callerPartnerId: string,
  indirectPartnerId?: string | null,
): Promise<string> {
  if (!indirectPartnerId) return callerPartnerId;
  const partner = await getPartnerByDomainId(tx, indirectPartnerId);
  if (!partner) throw new AppError('CBC.99000037');
  if (partner.id === callerPartnerId) return callerPartnerId;
  if ((await activeDistributorIdOf(tx, partner.id)) !== callerPartnerId) throw new AppError('CBC.99000037');
  return partner.id;
}

/**
 * The customer (by its `domain_id`, the API's `customer_id`) and its active association with the
 * acting partner. Unknown customers and other partners' customers are both `CBC.99000035`, so a
 * caller cannot probe which domain ids exist.
 */
export async function requireManagedCustomer(
  tx: DbOrTx,
  actingPartnerId: string,
  customerDomainId: string,
): Promise<{ customer: CustomerRow; association: AssociationRow }> {
  const customer = await findCustomerByDomainId(tx, customerDomainId);
  if (!customer) throw new AppError('CBC.99000035');
  const association = await findActiveAssociation(tx, customer.id);
  if (!association || association.partnerId !== actingPartnerId) throw new AppError('CBC.99000035');
  return { customer, association };
}

/**
 * The partners whose customers `partnerId` sees in the portal: itself and, for a distributor, its
 * active resellers.
 */
export async function customersVisibleTo(tx: DbOrTx, partnerId: string): Promise<string[]> {
  return [partnerId, ...(await activeResellerIdsOf(tx, partnerId))];
}

/**
 * Portal variant of requireManagedCustomer, by customers.id: the customer must be actively
 * associated with the partner or (for a distributor) one of its resellers; otherwise not found.
 */
export async function requireVisibleCustomer(
  tx: DbOrTx,
  partnerId: string,
  customer: CustomerRow | undefined,
): Promise<{ customer: CustomerRow; association: AssociationRow }> {
  if (!customer) throw new AppError('common.not_found');
  const association = await findActiveAssociation(tx, customer.id);
  if (!association) throw new AppError('common.not_found');
  if (association.partnerId !== partnerId) {
    if ((await activeDistributorIdOf(tx, association.partnerId)) !== partnerId)
      throw new AppError('common.not_found');
  }
  return { customer, association };
}
