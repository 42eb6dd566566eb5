DROP INDEX "bill_monthly_sums_cycle_idx";--> statement-breakpoint
ALTER TABLE "bill_monthly_sums" DROP CONSTRAINT "bill_monthly_sums_pk";
--> statement-breakpoint
ALTER TABLE "bill_monthly_sums" ADD CONSTRAINT "bill_monthly_sums_pk" PRIMARY KEY("partner_id","bill_cycle","customer_id","association_type","service_type","resource_type","charging_mode","bill_type");--> statement-breakpoint
-- Hand-written: every batch that touches a summary row updates it; free room on its page lets the
-- update stay on the page (HOT) without a new entry in the key's index. Applies to pages written from now on.
ALTER TABLE "bill_monthly_sums" SET (fillfactor = 80);--> statement-breakpoint
ALTER TABLE "customer_spend_totals" SET (fillfactor = 80);
