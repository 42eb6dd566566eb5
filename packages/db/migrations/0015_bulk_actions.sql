CREATE TABLE "customer_bulk_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"request_key" text NOT NULL,
	"action" text NOT NULL,
	"freeze_type" text,
	"reason" text NOT NULL,
	"customer_count" integer NOT NULL,
	"results" jsonb,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_bulk_actions" ADD CONSTRAINT "customer_bulk_actions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "customer_bulk_actions_key_uq" ON "customer_bulk_actions" USING btree ("partner_id","request_key");