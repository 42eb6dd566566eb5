CREATE TABLE "association_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"direction" text NOT NULL,
	"partner_id" text NOT NULL,
	"customer_id" text,
	"email" text,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"token_hash" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	CONSTRAINT "association_requests_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "customer_associations" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"label" text,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" text PRIMARY KEY NOT NULL,
	"domain_id" text NOT NULL,
	"domain_name" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"customer_type" text DEFAULT 'individual' NOT NULL,
	"verified_status" text DEFAULT 'unverified' NOT NULL,
	"user_id" text,
	"xaccount_type" text,
	"xaccount_id" text,
	"created_by_partner_id" text,
	"origin" text DEFAULT 'self' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"freeze_type" text,
	"frozen_reason" text,
	"frozen_at" timestamp with time zone,
	"purchase_restricted_at" timestamp with time zone,
	"last_association_change_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customers_domain_id_unique" UNIQUE("domain_id")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"name" text NOT NULL,
	"access_key" text NOT NULL,
	"secret_sealed" text NOT NULL,
	"previous_secret_sealed" text,
	"previous_expires_at" timestamp with time zone,
	"status" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"rotated_at" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_keys_access_key_unique" UNIQUE("access_key")
);
--> statement-breakpoint
CREATE TABLE "partner_integrations" (
	"partner_id" text PRIMARY KEY NOT NULL,
	"xaccount_type" text,
	"bind_notify_url" text,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "platform_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"private_key_sealed" text NOT NULL,
	"certificate_pem" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"partner_id" text NOT NULL,
	"endpoint_id" text,
	"event_seq" integer,
	"event_id" text,
	"ordering_key" text NOT NULL,
	"url" text NOT NULL,
	"payload" text NOT NULL,
	"content_type" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_status_code" integer,
	"last_error" text,
	"replay_of" text,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "delivery_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"delivery_id" text NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL,
	"status_code" integer,
	"error" text,
	"duration_ms" integer NOT NULL,
	"response_body" text
);
--> statement-breakpoint
CREATE TABLE "events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"partner_id" text NOT NULL,
	"subject_id" text NOT NULL,
	"type" text NOT NULL,
	"data" jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "events_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"url" text NOT NULL,
	"description" text,
	"secret_sealed" text NOT NULL,
	"event_types" text[] NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"period_key" text NOT NULL,
	"generation" integer NOT NULL,
	"threshold" integer NOT NULL,
	"used_fen" bigint NOT NULL,
	"budget_fen" bigint NOT NULL,
	"record_id" text,
	"restricted" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_recipients" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"email" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_records" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"operation_type" text NOT NULL,
	"budget_type" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"operator" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budgets" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"budget_type" text NOT NULL,
	"frozen_operate_type" integer DEFAULT 0 NOT NULL,
	"freeze_resources" integer DEFAULT 0 NOT NULL,
	"period_key" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"used_fen" bigint DEFAULT 0 NOT NULL,
	"alerted" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"generation" integer DEFAULT 0 NOT NULL,
	"restricted_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_spend_totals" (
	"customer_id" text NOT NULL,
	"bill_cycle" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "customer_spend_totals_customer_id_bill_cycle_pk" PRIMARY KEY("customer_id","bill_cycle")
);
--> statement-breakpoint
CREATE TABLE "spend_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"file_name" text,
	"format" text NOT NULL,
	"skip_bad_lines" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"total_lines" integer DEFAULT 0 NOT NULL,
	"processed_lines" integer DEFAULT 0 NOT NULL,
	"inserted_count" integer DEFAULT 0 NOT NULL,
	"duplicate_count" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "spend_records" (
	"record_id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"partner_id" text,
	"association_type" text,
	"spent_at" timestamp with time zone NOT NULL,
	"bill_cycle" text NOT NULL,
	"service_type" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"payment_kind" text NOT NULL,
	"eligible_fen" bigint NOT NULL,
	"import_id" text,
	"accepted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "customer_id" text;--> statement-breakpoint
ALTER TABLE "association_requests" ADD CONSTRAINT "association_requests_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "association_requests" ADD CONSTRAINT "association_requests_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_associations" ADD CONSTRAINT "customer_associations_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_associations" ADD CONSTRAINT "customer_associations_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_created_by_partner_id_partners_id_fk" FOREIGN KEY ("created_by_partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_integrations" ADD CONSTRAINT "partner_integrations_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_attempts" ADD CONSTRAINT "delivery_attempts_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_spend_totals" ADD CONSTRAINT "customer_spend_totals_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spend_records" ADD CONSTRAINT "spend_records_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "association_requests_partner_idx" ON "association_requests" USING btree ("partner_id","status","created_at");--> statement-breakpoint
CREATE INDEX "association_requests_customer_idx" ON "association_requests" USING btree ("customer_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "association_requests_pending_uq" ON "association_requests" USING btree ("partner_id","customer_id") WHERE status = 'pending' and customer_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "customer_associations_active_uq" ON "customer_associations" USING btree ("customer_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "customer_associations_partner_idx" ON "customer_associations" USING btree ("partner_id","status","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_domain_name_uq" ON "customers" USING btree (lower("domain_name"));--> statement-breakpoint
CREATE UNIQUE INDEX "customers_xaccount_uq" ON "customers" USING btree ("created_by_partner_id","xaccount_type","xaccount_id") WHERE xaccount_id is not null;--> statement-breakpoint
CREATE INDEX "customers_email_idx" ON "customers" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "customers_phone_idx" ON "customers" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "api_keys_partner_idx" ON "api_keys" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "deliveries_partner_idx" ON "deliveries" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "deliveries_ordering_idx" ON "deliveries" USING btree ("ordering_key","status","event_seq");--> statement-breakpoint
CREATE INDEX "delivery_attempts_delivery_idx" ON "delivery_attempts" USING btree ("delivery_id","attempted_at");--> statement-breakpoint
CREATE INDEX "events_partner_idx" ON "events" USING btree ("partner_id","seq");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_partner_idx" ON "webhook_endpoints" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_alerts_uq" ON "budget_alerts" USING btree ("customer_id","period_key","generation","threshold");--> statement-breakpoint
CREATE INDEX "budget_alerts_partner_idx" ON "budget_alerts" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "budget_recipients_customer_idx" ON "budget_recipients" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "budget_records_customer_idx" ON "budget_records" USING btree ("customer_id","at");--> statement-breakpoint
CREATE INDEX "spend_imports_created_idx" ON "spend_imports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "spend_records_customer_idx" ON "spend_records" USING btree ("customer_id","spent_at");--> statement-breakpoint
CREATE INDEX "spend_records_partner_idx" ON "spend_records" USING btree ("partner_id","bill_cycle");--> statement-breakpoint
CREATE INDEX "users_customer_idx" ON "users" USING btree ("customer_id");