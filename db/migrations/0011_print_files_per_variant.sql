CREATE TABLE "variant_print_sizes" (
	"variant_id" text NOT NULL,
	"print_area_id" text NOT NULL,
	"width_mm" double precision NOT NULL,
	"height_mm" double precision NOT NULL,
	"dpi" integer NOT NULL,
	CONSTRAINT "variant_print_sizes_variant_id_print_area_id_pk" PRIMARY KEY("variant_id","print_area_id")
);
--> statement-breakpoint
CREATE TABLE "print_separations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"print_file_id" uuid,
	"snapshot_render_id" uuid,
	"ink" text NOT NULL,
	"position" integer NOT NULL,
	"object_key" text NOT NULL,
	"byte_size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "print_separations_one_parent" CHECK (("print_separations"."print_file_id" is null) <> ("print_separations"."snapshot_render_id" is null))
);
--> statement-breakpoint
ALTER TABLE "print_files" ADD COLUMN "variant_id" text;--> statement-breakpoint
ALTER TABLE "variant_print_sizes" ADD CONSTRAINT "variant_print_sizes_variant_id_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "variant_print_sizes" ADD CONSTRAINT "variant_print_sizes_print_area_id_print_areas_id_fk" FOREIGN KEY ("print_area_id") REFERENCES "public"."print_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "print_separations" ADD CONSTRAINT "print_separations_print_file_id_print_files_id_fk" FOREIGN KEY ("print_file_id") REFERENCES "public"."print_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "print_separations" ADD CONSTRAINT "print_separations_snapshot_render_id_snapshot_renders_id_fk" FOREIGN KEY ("snapshot_render_id") REFERENCES "public"."snapshot_renders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "print_separations_print_file_ink_idx" ON "print_separations" USING btree ("print_file_id","ink");--> statement-breakpoint
CREATE UNIQUE INDEX "print_separations_snapshot_ink_idx" ON "print_separations" USING btree ("snapshot_render_id","ink");--> statement-breakpoint
ALTER TABLE "print_files" ADD CONSTRAINT "print_files_variant_id_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Variants that print at their own size: an A3 poster on A3 paper; each phone model on its own case template.
INSERT INTO "variant_print_sizes" ("variant_id","print_area_id","width_mm","height_mm","dpi") VALUES
('poster-white-a3','poster-print',297,420,300),
('case-black-iphone-16','case-back',76,152,300),
('case-clear-iphone-16','case-back',76,152,300),
('case-black-iphone-16-pro','case-back',76,154,300),
('case-clear-iphone-16-pro','case-back',76,154,300),
('case-black-galaxy-s25','case-back',75,151,300),
('case-clear-galaxy-s25','case-back',75,151,300);
