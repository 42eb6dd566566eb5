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
CREATE UNIQUE INDEX "payment_applications_partner_quarter_uq" ON "payment_applications" USING btree ("partner_id","quarter");--> statement-breakpoint
CREATE INDEX "payment_applications_status_idx" ON "payment_applications" USING btree ("status","submitted_at");