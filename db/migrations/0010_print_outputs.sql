ALTER TABLE "generations" ADD COLUMN "output" text DEFAULT 'raster' NOT NULL;--> statement-breakpoint
ALTER TABLE "generations" ADD COLUMN "colors" integer;--> statement-breakpoint
ALTER TABLE "generations" ADD COLUMN "understood" text;