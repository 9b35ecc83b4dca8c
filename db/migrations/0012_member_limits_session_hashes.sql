CREATE TABLE "member_limits" (
	"canvas_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"max_role" "canvas_role",
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_limits_canvas_id_user_id_pk" PRIMARY KEY("canvas_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "member_limits" ADD CONSTRAINT "member_limits_canvas_id_canvases_id_fk" FOREIGN KEY ("canvas_id") REFERENCES "public"."canvases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_limits" ADD CONSTRAINT "member_limits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A session's id is now the SHA-256 (hex) of the token its cookie holds: existing sessions keep
-- working, their ids replaced by their hashes.
UPDATE "sessions" SET "id" = encode(sha256(convert_to("id", 'UTF8')), 'hex');
