CREATE TABLE "incentive_run_groups" (
	"run_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"service_type" text NOT NULL,
	"association_type" text NOT NULL,
	"payment_kind" text NOT NULL,
	"origin_period_key" text NOT NULL,
	"late" boolean NOT NULL,
	"amount_fen" bigint NOT NULL,
	"record_count" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "incentive_run_groups_run_partner_idx" ON "incentive_run_groups" USING btree ("run_id","partner_id" collate "C");