CREATE TABLE "job_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"task" text NOT NULL,
	"queue" text NOT NULL,
	"job_id" text NOT NULL,
	"worker_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"waited_ms" integer NOT NULL,
	"ran_ms" integer NOT NULL,
	"ok" boolean NOT NULL,
	"error" text,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "worker_heartbeats" ADD COLUMN "pid" integer;--> statement-breakpoint
ALTER TABLE "worker_heartbeats" ADD COLUMN "queue" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_heartbeats" ADD COLUMN "concurrency" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_heartbeats" ADD COLUMN "device" text;--> statement-breakpoint
ALTER TABLE "worker_heartbeats" ADD COLUMN "model" text;--> statement-breakpoint
ALTER TABLE "worker_heartbeats" ADD COLUMN "started_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "job_runs_finished_idx" ON "job_runs" USING btree ("finished_at");--> statement-breakpoint
CREATE INDEX "job_runs_failed_idx" ON "job_runs" USING btree ("finished_at") WHERE not "job_runs"."ok";