import type { Localized } from '../../platform/i18n/i18n.ts';

/** One line of an invoicing notice: what to invoice and its pre-tax amount. */
export interface NoticeLine {
  text: Localized;
  preTaxFen: number;
}
