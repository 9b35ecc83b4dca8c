CREATE TYPE "public"."product_kind" AS ENUM('tshirt', 'hoodie', 'mug', 'tote', 'poster', 'stickers', 'phone_case');--> statement-breakpoint
CREATE TYPE "public"."render_status" AS ENUM('queued', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "print_areas" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"name" text NOT NULL,
	"width_mm" double precision NOT NULL,
	"height_mm" double precision NOT NULL,
	"dpi" integer NOT NULL,
	"safe_margin_mm" double precision NOT NULL,
	"bleed_mm" double precision NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_variants" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"color" text NOT NULL,
	"color_hex" text NOT NULL,
	"size" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" "product_kind" NOT NULL,
	"base_price" integer NOT NULL,
	"currency" text NOT NULL,
	"min_dpi" integer NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mockup_renders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"canvas_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"variant_id" text NOT NULL,
	"print_area_id" text NOT NULL,
	"status" "render_status" DEFAULT 'queued' NOT NULL,
	"object_key" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "print_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"canvas_id" uuid NOT NULL,
	"print_area_id" text NOT NULL,
	"requested_by" text,
	"status" "render_status" DEFAULT 'queued' NOT NULL,
	"width_px" integer NOT NULL,
	"height_px" integer NOT NULL,
	"dpi" integer NOT NULL,
	"object_key" text,
	"byte_size" integer,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "canvases" ADD COLUMN "product_id" text;--> statement-breakpoint
ALTER TABLE "canvases" ADD COLUMN "variant_id" text;--> statement-breakpoint
ALTER TABLE "print_areas" ADD CONSTRAINT "print_areas_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mockup_renders" ADD CONSTRAINT "mockup_renders_canvas_id_canvases_id_fk" FOREIGN KEY ("canvas_id") REFERENCES "public"."canvases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "print_files" ADD CONSTRAINT "print_files_canvas_id_canvases_id_fk" FOREIGN KEY ("canvas_id") REFERENCES "public"."canvases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "print_files" ADD CONSTRAINT "print_files_print_area_id_print_areas_id_fk" FOREIGN KEY ("print_area_id") REFERENCES "public"."print_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "print_files" ADD CONSTRAINT "print_files_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "print_areas_product_idx" ON "print_areas" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "product_variants_product_idx" ON "product_variants" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "mockup_renders_canvas_idx" ON "mockup_renders" USING btree ("canvas_id","created_at");--> statement-breakpoint
CREATE INDEX "print_files_canvas_idx" ON "print_files" USING btree ("canvas_id","created_at");--> statement-breakpoint
ALTER TABLE "canvases" ADD CONSTRAINT "canvases_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canvases" ADD CONSTRAINT "canvases_variant_id_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variants"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- The catalog: goods, their colours and sizes, and their print areas (Printful's published specs).
INSERT INTO "products" ("id","name","kind","base_price","currency","min_dpi","position") VALUES
('tee','Classic T-shirt','tshirt',1800,'USD',150,0),
('hoodie','Pullover Hoodie','hoodie',3900,'USD',150,1),
('mug','Ceramic Mug 11 oz','mug',1400,'USD',300,2),
('tote','Canvas Tote Bag','tote',1900,'USD',150,3),
('poster','Matte Poster','poster',1600,'USD',300,4),
('stickers','Die-cut Sticker Sheet','stickers',900,'USD',300,5),
('case','Tough Phone Case','phone_case',2200,'USD',300,6);
--> statement-breakpoint
INSERT INTO "product_variants" ("id","product_id","color","color_hex","size","position") VALUES
('tee-white-s','tee','White','#ffffff','S',0),
('tee-white-m','tee','White','#ffffff','M',1),
('tee-white-l','tee','White','#ffffff','L',2),
('tee-white-xl','tee','White','#ffffff','XL',3),
('tee-white-2xl','tee','White','#ffffff','2XL',4),
('tee-white-3xl','tee','White','#ffffff','3XL',5),
('tee-black-s','tee','Black','#1d1d1f','S',6),
('tee-black-m','tee','Black','#1d1d1f','M',7),
('tee-black-l','tee','Black','#1d1d1f','L',8),
('tee-black-xl','tee','Black','#1d1d1f','XL',9),
('tee-black-2xl','tee','Black','#1d1d1f','2XL',10),
('tee-black-3xl','tee','Black','#1d1d1f','3XL',11),
('tee-heather-grey-s','tee','Heather Grey','#a9a9a6','S',12),
('tee-heather-grey-m','tee','Heather Grey','#a9a9a6','M',13),
('tee-heather-grey-l','tee','Heather Grey','#a9a9a6','L',14),
('tee-heather-grey-xl','tee','Heather Grey','#a9a9a6','XL',15),
('tee-heather-grey-2xl','tee','Heather Grey','#a9a9a6','2XL',16),
('tee-heather-grey-3xl','tee','Heather Grey','#a9a9a6','3XL',17),
('tee-navy-s','tee','Navy','#22304f','S',18),
('tee-navy-m','tee','Navy','#22304f','M',19),
('tee-navy-l','tee','Navy','#22304f','L',20),
('tee-navy-xl','tee','Navy','#22304f','XL',21),
('tee-navy-2xl','tee','Navy','#22304f','2XL',22),
('tee-navy-3xl','tee','Navy','#22304f','3XL',23),
('tee-red-s','tee','Red','#c01e2e','S',24),
('tee-red-m','tee','Red','#c01e2e','M',25),
('tee-red-l','tee','Red','#c01e2e','L',26),
('tee-red-xl','tee','Red','#c01e2e','XL',27),
('tee-red-2xl','tee','Red','#c01e2e','2XL',28),
('tee-red-3xl','tee','Red','#c01e2e','3XL',29),
('tee-forest-green-s','tee','Forest Green','#2e4d37','S',30),
('tee-forest-green-m','tee','Forest Green','#2e4d37','M',31),
('tee-forest-green-l','tee','Forest Green','#2e4d37','L',32),
('tee-forest-green-xl','tee','Forest Green','#2e4d37','XL',33),
('tee-forest-green-2xl','tee','Forest Green','#2e4d37','2XL',34),
('tee-forest-green-3xl','tee','Forest Green','#2e4d37','3XL',35),
('tee-sand-s','tee','Sand','#d9c9a6','S',36),
('tee-sand-m','tee','Sand','#d9c9a6','M',37),
('tee-sand-l','tee','Sand','#d9c9a6','L',38),
('tee-sand-xl','tee','Sand','#d9c9a6','XL',39),
('tee-sand-2xl','tee','Sand','#d9c9a6','2XL',40),
('tee-sand-3xl','tee','Sand','#d9c9a6','3XL',41),
('hoodie-black-s','hoodie','Black','#1d1d1f','S',42),
('hoodie-black-m','hoodie','Black','#1d1d1f','M',43),
('hoodie-black-l','hoodie','Black','#1d1d1f','L',44),
('hoodie-black-xl','hoodie','Black','#1d1d1f','XL',45),
('hoodie-black-2xl','hoodie','Black','#1d1d1f','2XL',46),
('hoodie-black-3xl','hoodie','Black','#1d1d1f','3XL',47),
('hoodie-heather-grey-s','hoodie','Heather Grey','#a9a9a6','S',48),
('hoodie-heather-grey-m','hoodie','Heather Grey','#a9a9a6','M',49),
('hoodie-heather-grey-l','hoodie','Heather Grey','#a9a9a6','L',50),
('hoodie-heather-grey-xl','hoodie','Heather Grey','#a9a9a6','XL',51),
('hoodie-heather-grey-2xl','hoodie','Heather Grey','#a9a9a6','2XL',52),
('hoodie-heather-grey-3xl','hoodie','Heather Grey','#a9a9a6','3XL',53),
('hoodie-navy-s','hoodie','Navy','#22304f','S',54),
('hoodie-navy-m','hoodie','Navy','#22304f','M',55),
('hoodie-navy-l','hoodie','Navy','#22304f','L',56),
('hoodie-navy-xl','hoodie','Navy','#22304f','XL',57),
('hoodie-navy-2xl','hoodie','Navy','#22304f','2XL',58),
('hoodie-navy-3xl','hoodie','Navy','#22304f','3XL',59),
('hoodie-maroon-s','hoodie','Maroon','#5b1f2c','S',60),
('hoodie-maroon-m','hoodie','Maroon','#5b1f2c','M',61),
('hoodie-maroon-l','hoodie','Maroon','#5b1f2c','L',62),
('hoodie-maroon-xl','hoodie','Maroon','#5b1f2c','XL',63),
('hoodie-maroon-2xl','hoodie','Maroon','#5b1f2c','2XL',64),
('hoodie-maroon-3xl','hoodie','Maroon','#5b1f2c','3XL',65),
('hoodie-white-s','hoodie','White','#ffffff','S',66),
('hoodie-white-m','hoodie','White','#ffffff','M',67),
('hoodie-white-l','hoodie','White','#ffffff','L',68),
('hoodie-white-xl','hoodie','White','#ffffff','XL',69),
('hoodie-white-2xl','hoodie','White','#ffffff','2XL',70),
('hoodie-white-3xl','hoodie','White','#ffffff','3XL',71),
('mug-white-11-oz','mug','White','#ffffff','11 oz',72),
('mug-black-11-oz','mug','Black','#1d1d1f','11 oz',73),
('tote-natural-15-16-in','tote','Natural','#eee4cf','15 × 16 in',74),
('tote-black-15-16-in','tote','Black','#1d1d1f','15 × 16 in',75),
('poster-white-a3','poster','White','#ffffff','A3',76),
('poster-white-a2','poster','White','#ffffff','A2',77),
('stickers-white-a5','stickers','White','#ffffff','A5',78),
('stickers-clear-a5','stickers','Clear','#eef2f5','A5',79),
('case-black-iphone-16','case','Black','#1d1d1f','iPhone 16',80),
('case-black-iphone-16-pro','case','Black','#1d1d1f','iPhone 16 Pro',81),
('case-black-galaxy-s25','case','Black','#1d1d1f','Galaxy S25',82),
('case-clear-iphone-16','case','Clear','#eef2f5','iPhone 16',83),
('case-clear-iphone-16-pro','case','Clear','#eef2f5','iPhone 16 Pro',84),
('case-clear-galaxy-s25','case','Clear','#eef2f5','Galaxy S25',85);
--> statement-breakpoint
INSERT INTO "print_areas" ("id","product_id","name","width_mm","height_mm","dpi","safe_margin_mm","bleed_mm","position") VALUES
('tee-front','tee','Front',304.8,406.4,150,12.7,0,0),
('tee-back','tee','Back',304.8,406.4,150,12.7,0,1),
('hoodie-front','hoodie','Front',304.8,254,150,12.7,0,2),
('hoodie-back','hoodie','Back',304.8,381,150,12.7,0,3),
('mug-wrap','mug','Wrap-around',228.6,88.9,300,6.35,3,4),
('tote-front','tote','Front',304.8,355.6,150,12.7,0,5),
('poster-print','poster','Print',420,594,300,5,3,6),
('stickers-sheet','stickers','Sheet',148,210,300,3,2,7),
('case-back','case','Back',76,160,300,4,2,8);
