CREATE TYPE "public"."generation_status" AS ENUM('queued', 'running', 'succeeded', 'failed', 'canceled');--> statement-breakpoint
CREATE TABLE "generations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"canvas_id" uuid NOT NULL,
	"requested_by" text,
	"status" "generation_status" DEFAULT 'queued' NOT NULL,
	"prompt" text NOT NULL,
	"negative_prompt" text DEFAULT '' NOT NULL,
	"steps" integer NOT NULL,
	"guidance" double precision NOT NULL,
	"seed" bigint NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"count" integer NOT NULL,
	"scheduler" text NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"total_steps" integer NOT NULL,
	"preview" "bytea",
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"model_name" text,
	"model_hash" text,
	"provider" text,
	"duration_ms" integer,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"first_progress_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "generation_id" uuid;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "generation_index" integer;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "provenance" jsonb;--> statement-breakpoint
ALTER TABLE "generations" ADD CONSTRAINT "generations_canvas_id_canvases_id_fk" FOREIGN KEY ("canvas_id") REFERENCES "public"."canvases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generations" ADD CONSTRAINT "generations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "generations_canvas_idx" ON "generations" USING btree ("canvas_id","created_at");--> statement-breakpoint
CREATE INDEX "generations_user_idx" ON "generations" USING btree ("requested_by","created_at");--> statement-breakpoint
CREATE INDEX "generations_open_idx" ON "generations" USING btree ("status","queued_at");--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_generation_id_generations_id_fk" FOREIGN KEY ("generation_id") REFERENCES "public"."generations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assets_generation_idx" ON "assets" USING btree ("generation_id");