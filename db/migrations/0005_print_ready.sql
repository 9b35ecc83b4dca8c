ALTER TABLE "generations" ADD COLUMN "upscale" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "generations" ADD COLUMN "source_asset_id" uuid;--> statement-breakpoint
ALTER TABLE "generations" ADD COLUMN "target_shape_id" text;