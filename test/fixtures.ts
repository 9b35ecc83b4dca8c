import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { signUp } from "@/server/services/account/accountService";

export async function makeUser(db: Db, name = "Test User") {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${randomBytes(4).toString("hex")}@example.com`;
  return signUp(db, { email, password: "correct horse battery", name }, `fixture-${randomBytes(4).toString("hex")}`);
}
