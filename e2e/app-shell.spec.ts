import { expect, test } from "@playwright/test";
import sharp from "sharp";

test("a phone can add Merchboard to its home screen: manifest, icons and favicon are served", async ({ page, request }) => {
  await page.goto("/");
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifestHref).toBeTruthy();
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", /apple-touch-icon\.png/);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#7950f2");

  const manifest = await (await request.get(manifestHref!)).json();
  expect(manifest).toMatchObject({ name: "Merchboard", start_url: "/dashboard", display: "standalone" });
  for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
    const res = await request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()["content-type"]).toContain(icon.type.split("+")[0]);
    if (icon.sizes !== "any") {
      const meta = await sharp(await res.body()).metadata();
      expect(`${meta.width}x${meta.height}`, icon.src).toBe(icon.sizes);
    }
  }
  expect(manifest.icons.some((i: { purpose: string }) => i.purpose === "maskable")).toBe(true);

  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect((await favicon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  // iOS shows transparency as black and rounds corners itself: the icon is opaque to its corner.
  const apple = sharp(await (await request.get("/apple-touch-icon.png")).body());
  expect(await apple.metadata()).toMatchObject({ width: 180, height: 180 });
  const { data } = await apple.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  expect([...data.subarray(0, 4)]).toEqual([0x79, 0x50, 0xf2, 255]);
});
