import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, type Page } from "@playwright/test";
import { createCanvas, dragOnStage, signUp, uniqueEmail } from "./helpers";

/** The product picker in the editor's side panel. */
export async function chooseProduct(page: Page, productId: string) {
  await page.getByTestId("choose-product").or(page.getByTestId("change-product")).click();
  await page.getByTestId(`product-${productId}`).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
}

/** A tRPC call from the page's session (the transformer is superjson: plain JSON goes under `json`). */
export async function trpcPost<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = await res.json();
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${JSON.stringify(body)}`);
  return body.result.data.json as T;
}

/** A tRPC query from the page's session. */
export async function trpcGet<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await page.request.get(`/api/trpc/${path}${query}`);
  const body = await res.json();
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${JSON.stringify(body)}`);
  return body.result.data.json as T;
}

export type PublishTeeOptions = { title?: string; price?: number; currency?: "USD" | "KRW"; colors?: string[]; sizes?: string[]; stock?: number | null; text?: string; back?: boolean };

/**
 * Signs up an owner, draws a rectangle and a line of text on a t-shirt's front (and an ellipse on
 * its back unless `back` is false) and puts it on sale. `colors` are the catalog's colour slugs
 * ("black", "white"); every listed size of each.
 */
export async function publishTee(page: Page, opts: PublishTeeOptions = {}): Promise<{ slug: string; listingId: string }> {
  const { title = "Night Shift Tee", price = 2400, currency, colors = ["black", "white"], sizes = ["s", "m", "l", "xl"], stock = null, text = "NIGHT SHIFT", back = true } = opts;
  await signUp(page, "Sam Seller", uniqueEmail("sam"));
  await expect(page).toHaveURL(/\/dashboard$/);
  await createCanvas(page, title);
  const canvasId = /\/canvas\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await chooseProduct(page, "tee");
  await expect(page.getByTestId("product-name")).toHaveText("Classic T-shirt");

  await page.getByRole("button", { name: "Rectangle", exact: true }).click();
  await dragOnStage(page, [220, 180], [420, 320]);
  await page.getByRole("button", { name: "Text", exact: true }).click();
  const box = (await page.getByTestId("editor-stage").boundingBox())!;
  await page.mouse.click(box.x + 230, box.y + 380);
  await page.getByRole("textbox", { name: "Edit text" }).fill(text);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("layer-row")).toHaveCount(2);
  await page.keyboard.press("Escape");
  if (back) {
    await page.getByTestId("area-switch").getByText("Back").click();
    await expect(page.getByTestId("layer-row")).toHaveCount(0);
    await page.getByRole("button", { name: "Ellipse", exact: true }).click();
    await dragOnStage(page, [260, 200], [400, 340]);
    await expect(page.getByTestId("layer-row")).toHaveCount(1);
    await page.keyboard.press("Escape");
    await page.getByTestId("area-switch").getByText("Front").click();
  }

  const products = await (await page.request.get("/api/trpc/catalog.products")).json();
  const tee = (products.result.data.json as { id: string; variants: { id: string }[] }[]).find((p) => p.id === "tee")!;
  const variantIds = colors.flatMap((c) => sizes.map((s) => `tee-${c}-${s}`)).filter((id) => tee.variants.some((v) => v.id === id));
  expect(variantIds.length).toBeGreaterThan(0);

  // The design reaches the server through the live document a moment after the last stroke.
  let published: { id: string; slug: string } | undefined;
  await expect(async () => {
    published = await trpcPost(page, "listing.publish", { canvasId, title, price, currency, variantIds, stock });
  }).toPass({ timeout: 20_000, intervals: [500, 1000, 2000] });
  return { slug: published!.slug, listingId: published!.id };
}

/** The operator's command that makes an account a shop admin, run against the e2e app's database. */
export async function grantShopAdmin(email: string) {
  const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/shopAdmin.ts", "grant", email], {
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: process.env.E2E_DATA_DIR, EMBEDDED_PG_PORT: process.env.E2E_PG_PORT },
  });
  expect(stdout).toContain("is now a shop admin");
}
