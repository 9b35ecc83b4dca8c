CREATE TABLE "product_prices" (
	"product_id" text NOT NULL,
	"currency" text NOT NULL,
	"base_price" integer NOT NULL,
	CONSTRAINT "product_prices_product_id_currency_pk" PRIMARY KEY("product_id","currency")
);
--> statement-breakpoint
ALTER TABLE "product_prices" ADD CONSTRAINT "product_prices_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Each product's own price, and what it costs in won (what Korean shops charge for the same goods).
INSERT INTO "product_prices" ("product_id","currency","base_price") SELECT "id","currency","base_price" FROM "products";
--> statement-breakpoint
INSERT INTO "product_prices" ("product_id","currency","base_price") VALUES
('tee','KRW',24000),
('hoodie','KRW',52000),
('mug','KRW',19000),
('tote','KRW',25000),
('poster','KRW',21000),
('stickers','KRW',12000),
('case','KRW',29000);
