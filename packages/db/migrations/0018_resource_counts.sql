CREATE TABLE "resource_counts" (
	"customer_id" text NOT NULL,
	"charging_mode" text NOT NULL,
	"status" text NOT NULL,
	"main" integer NOT NULL,
	"service_type_code" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "resource_counts_customer_id_charging_mode_status_main_service_type_code_pk" PRIMARY KEY("customer_id","charging_mode","status","main","service_type_code")
);
--> statement-breakpoint
CREATE INDEX "resources_expiry_order_idx" ON "resources" USING btree ("expire_at","id");--> statement-breakpoint
CREATE FUNCTION "resource_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One upsert per statement, keys in order (concurrent writers lock counters in the same order);
  -- an update that moves no resource between keys writes nothing.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO resource_counts AS k (customer_id, charging_mode, status, main, service_type_code, n)
    SELECT customer_id, charging_mode, status, (parent_resource_id IS NULL)::int, service_type_code, count(*)
      FROM new_rows GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (customer_id, charging_mode, status, main, service_type_code) DO UPDATE SET n = k.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO resource_counts AS k (customer_id, charging_mode, status, main, service_type_code, n)
    SELECT customer_id, charging_mode, status, (parent_resource_id IS NULL)::int, service_type_code, -count(*)
      FROM old_rows GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (customer_id, charging_mode, status, main, service_type_code) DO UPDATE SET n = k.n + excluded.n;
  ELSE
    INSERT INTO resource_counts AS k (customer_id, charging_mode, status, main, service_type_code, n)
    SELECT customer_id, charging_mode, status, main, service_type_code, sum(d)
      FROM (SELECT customer_id, charging_mode, status, (parent_resource_id IS NULL)::int AS main, service_type_code, -1 AS d FROM old_rows
            UNION ALL
            SELECT customer_id, charging_mode, status, (parent_resource_id IS NULL)::int, service_type_code, 1 FROM new_rows) x
     GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (customer_id, charging_mode, status, main, service_type_code) DO UPDATE SET n = k.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "resource_counts_insert" AFTER INSERT ON "resources" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "resource_counts_apply"();
--> statement-breakpoint
CREATE TRIGGER "resource_counts_update" AFTER UPDATE ON "resources" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "resource_counts_apply"();
--> statement-breakpoint
CREATE TRIGGER "resource_counts_delete" AFTER DELETE ON "resources" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "resource_counts_apply"();
--> statement-breakpoint
INSERT INTO "resource_counts" ("customer_id", "charging_mode", "status", "main", "service_type_code", "n")
SELECT "customer_id", "charging_mode", "status", ("parent_resource_id" IS NULL)::int, "service_type_code", count(*)
  FROM "resources" GROUP BY 1, 2, 3, 4, 5;
