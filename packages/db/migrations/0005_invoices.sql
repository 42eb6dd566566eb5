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
ALTER TABLE "invoice_files" ADD CONSTRAINT "invoice_files_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_notice_id_invoicing_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."invoicing_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoicing_notice_events" ADD CONSTRAINT "invoicing_notice_events_notice_id_invoicing_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."invoicing_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoicing_notices" ADD CONSTRAINT "invoicing_notices_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_notice_id_invoicing_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."invoicing_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_files_partner_idx" ON "invoice_files" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_uq" ON "invoices" USING btree ("invoice_code","invoice_number") WHERE status <> 'returned';--> statement-breakpoint
CREATE INDEX "invoices_notice_idx" ON "invoices" USING btree ("notice_id","submitted_at");--> statement-breakpoint
CREATE INDEX "invoices_status_idx" ON "invoices" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "invoicing_notice_events_notice_idx" ON "invoicing_notice_events" USING btree ("notice_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "invoicing_notices_source_uq" ON "invoicing_notices" USING btree ("source_kind","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoicing_notices_document_uq" ON "invoicing_notices" USING btree ("document_no");--> statement-breakpoint
CREATE INDEX "invoicing_notices_partner_idx" ON "invoicing_notices" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "invoicing_notices_status_idx" ON "invoicing_notices" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_notice_uq" ON "payments" USING btree ("notice_id");--> statement-breakpoint
CREATE INDEX "payments_partner_idx" ON "payments" USING btree ("partner_id","created_at");