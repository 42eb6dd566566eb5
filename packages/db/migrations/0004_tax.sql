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
CREATE UNIQUE INDEX "vat_rates_status_from_uq" ON "vat_rates" USING btree ("taxpayer_status","effective_from");--> statement-breakpoint
CREATE INDEX "vat_rates_from_idx" ON "vat_rates" USING btree ("effective_from");