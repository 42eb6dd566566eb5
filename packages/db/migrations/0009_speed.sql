CREATE TABLE "api_flow_counts" (
	"bucket" text NOT NULL,
	"second" bigint NOT NULL,
	"calls" integer NOT NULL,
	CONSTRAINT "api_flow_counts_bucket_second_pk" PRIMARY KEY("bucket","second")
);
