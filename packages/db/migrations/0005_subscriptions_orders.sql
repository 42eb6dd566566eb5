CREATE TABLE "order_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"resource_ref" text NOT NULL,
	"resource_id" text NOT NULL,
	"resource_name" text DEFAULT '' NOT NULL,
	"enterprise_project_id" text,
	"service_type_code" text NOT NULL,
	"resource_type_code" text NOT NULL,
	"region_code" text NOT NULL,
	"product_spec_desc" text DEFAULT '' NOT NULL,
	"product_id" text,
	"period_type" text,
	"period_num" integer,
	"official_fen" bigint NOT NULL,
	"discount_fen" bigint DEFAULT 0 NOT NULL,
	"amount_fen" bigint NOT NULL,
	"effective_at" timestamp with time zone,
	"expire_at" timestamp with time zone,
	"base_order_id" text,
	"pending" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"partner_id" text,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"official_fen" bigint NOT NULL,
	"discount_fen" bigint DEFAULT 0 NOT NULL,
	"amount_fen" bigint NOT NULL,
	"refund_of" text,
	"paid_by" text,
	"source" text NOT NULL,
	"request_key" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"payment_deadline" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"bill_cycle" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_discounts" (
	"product_id" text NOT NULL,
	"period_type" text NOT NULL,
	"min_periods" integer NOT NULL,
	"percent_off" integer NOT NULL,
	CONSTRAINT "catalogue_discounts_product_id_period_type_min_periods_pk" PRIMARY KEY("product_id","period_type","min_periods")
);
--> statement-breakpoint
CREATE TABLE "catalogue_products" (
	"id" text PRIMARY KEY NOT NULL,
	"service_type_code" text NOT NULL,
	"resource_type_code" text NOT NULL,
	"resource_spec_code" text NOT NULL,
	"region_code" text DEFAULT '*' NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"monthly_fen" bigint NOT NULL,
	"yearly_fen" bigint NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_lifecycle_steps" (
	"resource_id" text NOT NULL,
	"expire_at" timestamp with time zone NOT NULL,
	"step" text NOT NULL,
	"outcome" text DEFAULT 'done' NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "resource_lifecycle_steps_resource_id_expire_at_step_pk" PRIMARY KEY("resource_id","expire_at","step")
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" text PRIMARY KEY NOT NULL,
	"resource_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"resource_name" text NOT NULL,
	"service_type_code" text NOT NULL,
	"resource_type_code" text NOT NULL,
	"region_code" text NOT NULL,
	"resource_spec_code" text NOT NULL,
	"product_spec_desc" text DEFAULT '' NOT NULL,
	"enterprise_project_id" text DEFAULT '0' NOT NULL,
	"enterprise_project_name" text DEFAULT 'default' NOT NULL,
	"parent_resource_id" text,
	"charging_mode" text NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"expire_at" timestamp with time zone,
	"auto_renew" integer DEFAULT 0 NOT NULL,
	"auto_renew_period_type" text DEFAULT 'month' NOT NULL,
	"auto_renew_times" integer DEFAULT 0 NOT NULL,
	"to_on_demand_at_expiry" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"grace_until" timestamp with time zone,
	"released_at" timestamp with time zone,
	"source_updated_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "resources_resource_id_unique" UNIQUE("resource_id")
);
--> statement-breakpoint
CREATE TABLE "subscription_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"reminder_days" integer[] NOT NULL,
	"auto_renew_lead_days" integer NOT NULL,
	"retention_days" integer NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_discounts" ADD CONSTRAINT "catalogue_discounts_product_id_catalogue_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."catalogue_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_lines_order_idx" ON "order_lines" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_lines_resource_idx" ON "order_lines" USING btree ("resource_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "order_lines_pending_uq" ON "order_lines" USING btree ("resource_ref") WHERE pending = 1;--> statement-breakpoint
CREATE UNIQUE INDEX "orders_request_key_uq" ON "orders" USING btree ("customer_id","request_key") WHERE request_key is not null;--> statement-breakpoint
CREATE INDEX "orders_partner_idx" ON "orders" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_bill_cycle_idx" ON "orders" USING btree ("customer_id","bill_cycle");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_products_spec_uq" ON "catalogue_products" USING btree ("service_type_code","resource_type_code","resource_spec_code","region_code");--> statement-breakpoint
CREATE INDEX "resources_customer_idx" ON "resources" USING btree ("customer_id","expire_at");--> statement-breakpoint
CREATE INDEX "resources_due_idx" ON "resources" USING btree ("status","expire_at");--> statement-breakpoint
CREATE INDEX "resources_grace_idx" ON "resources" USING btree ("grace_until") WHERE status = 'grace';