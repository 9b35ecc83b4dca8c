DROP INDEX "generations_open_idx";--> statement-breakpoint
ALTER TABLE "canvases" ADD COLUMN "generations_paused" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "generations" ADD COLUMN "queue_rank" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "generations" ADD COLUMN "queue_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "generations_open_idx" ON "generations" USING btree ("status","queue_rank","queue_at");--> statement-breakpoint
UPDATE "generations" SET "queue_at" = "queued_at";