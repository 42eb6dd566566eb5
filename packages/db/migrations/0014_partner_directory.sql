ALTER TABLE "partners" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "suspension_reason" text;--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "partners_name_trgm_idx" ON "partners" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "partners_id_trgm_idx" ON "partners" USING gin ("id" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "partners_domain_trgm_idx" ON "partners" USING gin ("domain_id" gin_trgm_ops);