CREATE TABLE "bill_monthly_sums" (
	"partner_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"bill_cycle" text NOT NULL,
	"association_type" text NOT NULL,
	"service_type" text NOT NULL,
	"resource_type" text NOT NULL,
	"charging_mode" integer NOT NULL,
	"bill_type" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"cash_fen" bigint NOT NULL,
	"voucher_fen" bigint NOT NULL,
	"record_count" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bill_monthly_sums_pk" PRIMARY KEY("partner_id","customer_id","bill_cycle","association_type","service_type","resource_type","charging_mode","bill_type")
);
--> statement-breakpoint
CREATE TABLE "bill_order_fees" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"association_type" text,
	"bill_cycle" text NOT NULL,
	"trade_time" timestamp with time zone NOT NULL,
	"order_id" text NOT NULL,
	"bill_detail_type" integer NOT NULL,
	"charging_mode" integer NOT NULL,
	"service_type" text NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" text,
	"resource_name" text,
	"region_code" text,
	"enterprise_project_id" text,
	"product_spec" text,
	"period_type" integer,
	"period_num" integer,
	"amount_fen" bigint NOT NULL,
	"cash_fen" bigint NOT NULL,
	"voucher_fen" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "spend_records_partner_idx";--> statement-breakpoint
ALTER TABLE "spend_records" ADD COLUMN "resource_id" text;--> statement-breakpoint
ALTER TABLE "spend_records" ADD COLUMN "resource_type" text;--> statement-breakpoint
ALTER TABLE "spend_records" ADD COLUMN "resource_name" text;--> statement-breakpoint
ALTER TABLE "spend_records" ADD COLUMN "region_code" text;--> statement-breakpoint
ALTER TABLE "spend_records" ADD COLUMN "enterprise_project_id" text;--> statement-breakpoint
ALTER TABLE "bill_monthly_sums" ADD CONSTRAINT "bill_monthly_sums_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_order_fees" ADD CONSTRAINT "bill_order_fees_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bill_monthly_sums_cycle_idx" ON "bill_monthly_sums" USING btree ("partner_id","bill_cycle","customer_id");--> statement-breakpoint
CREATE INDEX "bill_order_fees_customer_idx" ON "bill_order_fees" USING btree ("customer_id","bill_cycle","trade_time");--> statement-breakpoint
CREATE INDEX "bill_order_fees_partner_idx" ON "bill_order_fees" USING btree ("partner_id","bill_cycle","id");--> statement-breakpoint
CREATE INDEX "spend_records_partner_idx" ON "spend_records" USING btree ("partner_id","bill_cycle","record_id");