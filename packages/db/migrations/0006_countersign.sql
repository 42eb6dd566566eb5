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
ALTER TABLE "countersign_bills" ADD CONSTRAINT "countersign_bills_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "countersign_steps" ADD CONSTRAINT "countersign_steps_bill_id_countersign_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."countersign_bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "countersign_bills_external_uq" ON "countersign_bills" USING btree ("kind","external_id");--> statement-breakpoint
CREATE INDEX "countersign_bills_partner_idx" ON "countersign_bills" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "countersign_bills_status_idx" ON "countersign_bills" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "countersign_steps_uq" ON "countersign_steps" USING btree ("bill_id","round","seq");--> statement-breakpoint
CREATE INDEX "countersign_steps_due_idx" ON "countersign_steps" USING btree ("status","due_at");