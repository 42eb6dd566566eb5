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
CREATE TABLE "countersign_bills" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"kind" text NOT NULL,
	"external_id" text NOT NULL,
	"title" text NOT NULL,
	"period" text NOT NULL,
	"lines" jsonb NOT NULL,
	"total_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"current_step" integer,
	"return_reason" text,
	"notice_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "countersign_chains" (
	"kind" text PRIMARY KEY NOT NULL,
	"steps" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "countersign_steps" (
	"id" text PRIMARY KEY NOT NULL,
	"bill_id" text NOT NULL,
	"round" integer NOT NULL,
	"seq" integer NOT NULL,
	"approver" text NOT NULL,
	"label" jsonb NOT NULL,
	"status" text NOT NULL,
	"due_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"acted_by" text,
	"acted_at" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "incentive_adjustments" (
	"id" text PRIMARY KEY NOT NULL,
	"notice_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reason" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incentive_exclusions" (
	"run_id" text NOT NULL,
	"period_key" text NOT NULL,
	"partner_id" text NOT NULL,
	"reason" text NOT NULL,
	"forgone_fen" bigint NOT NULL,
	CONSTRAINT "incentive_exclusions_run_id_partner_id_pk" PRIMARY KEY("run_id","partner_id")
);
--> statement-breakpoint
CREATE TABLE "incentive_late_spend" (
	"record_id" text NOT NULL,
	"period_kind" text NOT NULL,
	"origin_period_key" text NOT NULL,
	"target_period_key" text NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "incentive_late_spend_record_id_period_kind_pk" PRIMARY KEY("record_id","period_kind")
);
--> statement-breakpoint
CREATE TABLE "incentive_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"period_key" text NOT NULL,
	"partner_id" text NOT NULL,
	"policy_id" text NOT NULL,
	"policy_version_id" text NOT NULL,
	"service_type" text NOT NULL,
	"origin_period_key" text NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"record_count" integer NOT NULL,
	"base_fen" bigint NOT NULL,
	"basis_points" integer NOT NULL,
	"amount_fen" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incentive_notices" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"period_key" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"run_id" text NOT NULL,
	"pre_tax_fen" bigint NOT NULL,
	"adjustment_fen" bigint DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"dispute_reason" text,
	"ticket_id" text,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone,
	"payment_application_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incentive_periods" (
	"key" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"closed_at" timestamp with time zone,
	"run_id" text
);
--> statement-breakpoint
CREATE TABLE "incentive_policies" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"program" text NOT NULL,
	"period_kind" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "incentive_policies_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "incentive_policy_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"policy_id" text NOT NULL,
	"version" integer NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone,
	"rules" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incentive_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"period_key" text NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"verification" boolean DEFAULT false NOT NULL,
	"matches" boolean,
	"partners_total" integer DEFAULT 0 NOT NULL,
	"partners_done" integer DEFAULT 0 NOT NULL,
	"lines_count" integer DEFAULT 0 NOT NULL,
	"total_fen" bigint DEFAULT 0 NOT NULL,
	"excluded_count" integer DEFAULT 0 NOT NULL,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"error" text,
	"started_by" text,
	"started_at" timestamp with time zone NOT NULL,
	"heartbeat_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "spend_performance" (
	"partner_id" text NOT NULL,
	"year" integer NOT NULL,
	"own_fen" bigint DEFAULT 0 NOT NULL,
	"resellers_fen" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "spend_performance_partner_id_year_pk" PRIMARY KEY("partner_id","year")
);
--> statement-breakpoint
CREATE TABLE "invoice_files" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" text PRIMARY KEY NOT NULL,
	"notice_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"type" text NOT NULL,
	"invoice_code" text DEFAULT '' NOT NULL,
	"invoice_number" text NOT NULL,
	"issued_on" text NOT NULL,
	"amount_ex_tax_fen" bigint NOT NULL,
	"tax_fen" bigint NOT NULL,
	"total_fen" bigint NOT NULL,
	"seller_taxpayer_id" text NOT NULL,
	"buyer_taxpayer_id" text NOT NULL,
	"status" text NOT NULL,
	"file_id" text,
	"express_company" text,
	"tracking_number" text,
	"return_reason" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"posted_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"checked_at" timestamp with time zone,
	"checked_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoicing_notice_events" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "invoicing_notice_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"notice_id" text NOT NULL,
	"invoice_id" text,
	"state" text NOT NULL,
	"detail" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoicing_notices" (
	"id" text PRIMARY KEY NOT NULL,
	"document_no" text NOT NULL,
	"partner_id" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text NOT NULL,
	"status" text NOT NULL,
	"lines" jsonb NOT NULL,
	"buyer" jsonb NOT NULL,
	"seller" jsonb NOT NULL,
	"taxpayer_status" text NOT NULL,
	"tax_rule" text NOT NULL,
	"rate_basis_points" integer NOT NULL,
	"formula" jsonb NOT NULL,
	"pre_tax_fen" bigint NOT NULL,
	"amount_ex_tax_fen" bigint NOT NULL,
	"tax_fen" bigint NOT NULL,
	"total_fen" bigint NOT NULL,
	"invoiced_ex_tax_fen" bigint DEFAULT 0 NOT NULL,
	"invoiced_tax_fen" bigint DEFAULT 0 NOT NULL,
	"period_start" timestamp with time zone,
	"notice_date" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "payment_applications" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"quarter" text NOT NULL,
	"status" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"notice_count" integer NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"return_reason" text,
	"invoicing_notice_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" text PRIMARY KEY NOT NULL,
	"notice_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" text NOT NULL,
	"bank_reference" text NOT NULL,
	"account_source_id" text NOT NULL,
	"bank_name" text NOT NULL,
	"account_name" text NOT NULL,
	"account_last4" text NOT NULL,
	"paid_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vat_rates" (
	"id" text PRIMARY KEY NOT NULL,
	"taxpayer_status" text NOT NULL,
	"rate_basis_points" integer NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
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
DROP INDEX "spend_records_partner_idx";--> statement-breakpoint
ALTER TABLE "spend_records" ADD COLUMN "resource_id" text;--> statement-breakpoint
ALTER TABLE "spend_records" ADD COLUMN "resource_type" text;--> statement-breakpoint
ALTER TABLE "spend_records" ADD COLUMN "resource_name" text;--> statement-breakpoint
ALTER TABLE "spend_records" ADD COLUMN "region_code" text;--> statement-breakpoint
ALTER TABLE "spend_records" ADD COLUMN "enterprise_project_id" text;--> statement-breakpoint
ALTER TABLE "bill_monthly_sums" ADD CONSTRAINT "bill_monthly_sums_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_order_fees" ADD CONSTRAINT "bill_order_fees_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "countersign_bills" ADD CONSTRAINT "countersign_bills_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "countersign_steps" ADD CONSTRAINT "countersign_steps_bill_id_countersign_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."countersign_bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_files" ADD CONSTRAINT "invoice_files_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_notice_id_invoicing_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."invoicing_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoicing_notice_events" ADD CONSTRAINT "invoicing_notice_events_notice_id_invoicing_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."invoicing_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoicing_notices" ADD CONSTRAINT "invoicing_notices_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_notice_id_invoicing_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."invoicing_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_discounts" ADD CONSTRAINT "catalogue_discounts_product_id_catalogue_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."catalogue_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bill_monthly_sums_cycle_idx" ON "bill_monthly_sums" USING btree ("partner_id","bill_cycle","customer_id");--> statement-breakpoint
CREATE INDEX "bill_order_fees_customer_idx" ON "bill_order_fees" USING btree ("customer_id","bill_cycle","trade_time");--> statement-breakpoint
CREATE INDEX "bill_order_fees_partner_idx" ON "bill_order_fees" USING btree ("partner_id","bill_cycle","id");--> statement-breakpoint
CREATE UNIQUE INDEX "countersign_bills_external_uq" ON "countersign_bills" USING btree ("kind","external_id");--> statement-breakpoint
CREATE INDEX "countersign_bills_partner_idx" ON "countersign_bills" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "countersign_bills_status_idx" ON "countersign_bills" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "countersign_steps_uq" ON "countersign_steps" USING btree ("bill_id","round","seq");--> statement-breakpoint
CREATE INDEX "countersign_steps_due_idx" ON "countersign_steps" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "incentive_adjustments_notice_idx" ON "incentive_adjustments" USING btree ("notice_id");--> statement-breakpoint
CREATE INDEX "incentive_exclusions_partner_idx" ON "incentive_exclusions" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "incentive_late_spend_target_idx" ON "incentive_late_spend" USING btree ("target_period_key");--> statement-breakpoint
CREATE INDEX "incentive_late_spend_origin_idx" ON "incentive_late_spend" USING btree ("origin_period_key");--> statement-breakpoint
CREATE INDEX "incentive_lines_run_partner_idx" ON "incentive_lines" USING btree ("run_id","partner_id");--> statement-breakpoint
CREATE INDEX "incentive_lines_partner_period_idx" ON "incentive_lines" USING btree ("partner_id","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "incentive_notices_partner_period_uq" ON "incentive_notices" USING btree ("partner_id","period_key");--> statement-breakpoint
CREATE INDEX "incentive_notices_status_idx" ON "incentive_notices" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "incentive_policies_program_idx" ON "incentive_policies" USING btree ("program");--> statement-breakpoint
CREATE UNIQUE INDEX "incentive_policy_versions_uq" ON "incentive_policy_versions" USING btree ("policy_id","version");--> statement-breakpoint
CREATE INDEX "incentive_policy_versions_valid_idx" ON "incentive_policy_versions" USING btree ("valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "incentive_runs_one_running_uq" ON "incentive_runs" USING btree ("period_key") WHERE status = 'running';--> statement-breakpoint
CREATE INDEX "incentive_runs_started_idx" ON "incentive_runs" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "invoice_files_partner_idx" ON "invoice_files" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_uq" ON "invoices" USING btree ("invoice_code","invoice_number") WHERE status <> 'returned';--> statement-breakpoint
CREATE INDEX "invoices_notice_idx" ON "invoices" USING btree ("notice_id","submitted_at");--> statement-breakpoint
CREATE INDEX "invoices_status_idx" ON "invoices" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "invoicing_notice_events_notice_idx" ON "invoicing_notice_events" USING btree ("notice_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "invoicing_notices_source_uq" ON "invoicing_notices" USING btree ("source_kind","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoicing_notices_document_uq" ON "invoicing_notices" USING btree ("document_no");--> statement-breakpoint
CREATE INDEX "invoicing_notices_partner_idx" ON "invoicing_notices" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "invoicing_notices_status_idx" ON "invoicing_notices" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "order_lines_order_idx" ON "order_lines" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_lines_resource_idx" ON "order_lines" USING btree ("resource_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "order_lines_pending_uq" ON "order_lines" USING btree ("resource_ref") WHERE pending = 1;--> statement-breakpoint
CREATE UNIQUE INDEX "orders_request_key_uq" ON "orders" USING btree ("customer_id","request_key") WHERE request_key is not null;--> statement-breakpoint
CREATE INDEX "orders_partner_idx" ON "orders" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_bill_cycle_idx" ON "orders" USING btree ("customer_id","bill_cycle");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_applications_partner_quarter_uq" ON "payment_applications" USING btree ("partner_id","quarter");--> statement-breakpoint
CREATE INDEX "payment_applications_status_idx" ON "payment_applications" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_notice_uq" ON "payments" USING btree ("notice_id");--> statement-breakpoint
CREATE INDEX "payments_partner_idx" ON "payments" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "vat_rates_status_from_uq" ON "vat_rates" USING btree ("taxpayer_status","effective_from");--> statement-breakpoint
CREATE INDEX "vat_rates_from_idx" ON "vat_rates" USING btree ("effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_products_spec_uq" ON "catalogue_products" USING btree ("service_type_code","resource_type_code","resource_spec_code","region_code");--> statement-breakpoint
CREATE INDEX "resources_customer_idx" ON "resources" USING btree ("customer_id","expire_at");--> statement-breakpoint
CREATE INDEX "resources_due_idx" ON "resources" USING btree ("status","expire_at");--> statement-breakpoint
CREATE INDEX "resources_grace_idx" ON "resources" USING btree ("grace_until") WHERE status = 'grace';--> statement-breakpoint
CREATE INDEX "spend_records_partner_idx" ON "spend_records" USING btree ("partner_id","bill_cycle","record_id");