ALTER TABLE "bill_order_fees" ADD COLUMN "product_id" text;--> statement-breakpoint
ALTER TABLE "spend_records" ADD COLUMN "detail" jsonb;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "spec_size" numeric;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "spec_size_measure_id" integer;