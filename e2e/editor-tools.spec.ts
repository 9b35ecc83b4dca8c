import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { createCanvas, createInviteLink, dragOnStage, expectNoAxeViolations, painted, signUp, uniqueEmail, SCREENSHOT_DIR } from "./helpers";

async function addText(page: Page, at: [number, number], text: string, font: string) {
  await page.getByRole("button", { name: "Text", exact: true }).click();
  const box = (await page.getByTestId("editor-stage").boundingBox())!;
  await page.mouse.click(box.x + at[0], box.y + at[1]);
  await page.getByRole("textbox", { name: "Edit text" }).fill(text);
  await page.keyboard.press("Escape");
  await page.getByTestId("layer-row").filter({ hasText: text }).click();
  await page.getByRole("combobox", { name: "Font" }).click();
  await page.getByRole("option", { name: font }).click();
}

async function exported(page: Page, scale: "1×" | "2×", scan = false) {
  await page.getByRole("button", { name: "Export" }).click();
  if (scan) {
    await expect(page.getByRole("menuitem", { name: `PNG ${scale}` })).toBeVisible();
    await expectNoAxeViolations(page, "editor, export menu");
  }
  const download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: `PNG ${scale}` }).click();
  const file = await (await download).path();
  return sharp(file);
}

test("text in bundled typefaces, copy and paste, an image pasted from the clipboard, and PNG export", async ({ browser }) => {
  const ctx = await browser.newContext({ locale: "en-US", permissions: ["clipboard-read", "clipboard-write"] });
  const page = await ctx.newPage();
  await signUp(page, "Tina Typesetter", uniqueEmail("tina"));
  await expect(page).toHaveURL(/\/dashboard$/);
  await createCanvas(page, "Type specimen");
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");

  await addText(page, [260, 180], "Summer Camp", "Pacifico");
  await expectNoAxeViolations(page, "editor, a text selected");
  await page.getByRole("combobox", { name: "Font" }).click();
  await expect(page.getByRole("option", { name: "Pacifico" })).toBeVisible();
  await expectNoAxeViolations(page, "editor, font list open");
  await page.keyboard.press("Escape");
  await addText(page, [260, 300], "TEAM 2026", "Bebas Neue");
  await page.getByRole("button", { name: "Italic" }).click();
  await expect(page.getByRole("button", { name: "Italic" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Bold" })).toHaveAttribute("aria-pressed", "true"); // new text starts bold
  await addText(page, [260, 420], "Est. 1998", "Playfair Display");

  // Shapes copied in the editor paste back as new layers.
  await page.getByRole("button", { name: "Ellipse" }).click();
  await dragOnStage(page, [480, 200], [580, 300]);
  await expect(page.getByTestId("layer-row")).toHaveCount(4);
  await page.keyboard.press("ControlOrMeta+c");
  await page.keyboard.press("ControlOrMeta+v");
  await expect(page.getByTestId("layer-row")).toHaveCount(5);

  // The ellipse alone, exported: transparent outside it, twice the pixels at 2×.
  const one = await (await exported(page, "1×", true)).metadata();
  const twoImage = await exported(page, "2×");
  const two = await twoImage.metadata();
  // Each export rounds its own size: a box 198.4 units wide is 198 px at 1× and 397 px at 2×.
  expect(Math.abs(two.width! - one.width! * 2)).toBeLessThanOrEqual(1);
  expect(two.width).toBeGreaterThan(one.width! * 1.9);
  expect(two.hasAlpha).toBe(true);
  const { data, info } = await twoImage.raw().toBuffer({ resolveWithObject: true });
  const alphaAt = (x: number, y: number) => data[(y * info.width + x) * info.channels + 3];
  expect(alphaAt(1, 1)).toBe(0);
  expect(alphaAt(Math.floor(info.width / 2), Math.floor(info.height / 2))).toBe(255);

  // An image on the system clipboard pastes as an uploaded, validated image layer.
  await page.evaluate(async () => {
    const c = document.createElement("canvas");
    c.width = 240;
    c.height = 160;
    const g = c.getContext("2d")!;
    g.fillStyle = "#12b886";
    g.fillRect(0, 0, 240, 160);
    const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), "image/png"));
    await navigator.clipboard.write([new ClipboardItem({ "image/png": blob })]);
  });
  await page.getByTestId("editor-stage").click({ position: { x: 20, y: 20 } });
  await page.keyboard.press("ControlOrMeta+v");
  await expect(page.getByTestId("layer-row")).toHaveCount(6);
  await expect(page.getByTestId("layer-row").first()).toHaveAttribute("data-selected", "true");
  await expectNoAxeViolations(page, "editor, an image selected");

  // Nothing selected: the artboard, at its own size, with no selection handles in it.
  await page.keyboard.press("Escape");
  const artboard = await (await exported(page, "1×")).metadata();
  expect([artboard.width, artboard.height]).toEqual([1200, 1200]);

  await page.getByTestId("layer-row").filter({ hasText: "TEAM 2026" }).click();
  await expect(page.getByTestId("layer-row").filter({ hasText: "TEAM 2026" })).toHaveAttribute("data-selected", "true");
  await painted(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/editor-typefaces-1280.png` });
});

test("a member whose role changes gets the tools of the new role without reloading", async ({ browser }) => {
  const ownerCtx = await browser.newContext({ locale: "en-US" });
  const owner = await ownerCtx.newPage();
  await signUp(owner, "Rosa Roles", uniqueEmail("rosa"));
  await expect(owner).toHaveURL(/\/dashboard$/);
  await createCanvas(owner, "Roles");
  const link = await createInviteLink(owner);
  await owner.keyboard.press("Escape");

  const memberCtx = await browser.newContext({ locale: "en-US" });
  const member = await memberCtx.newPage();
  await signUp(member, "Mo Member", uniqueEmail("mo"));
  await expect(member).toHaveURL(/\/dashboard$/);
  await member.goto(link);
  await member.getByTestId("invite-join").click();
  await expect(member.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expect(member.getByRole("button", { name: "Rectangle" })).toBeVisible();
  await owner.reload(); // the members list as it is now, with the new member
  await expect(owner.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");

  const setRole = async (role: "Viewer" | "Editor") => {
    await owner.getByTestId("open-members").click();
    await owner.getByRole("button", { name: "Mo Member role" }).click();
    await owner.getByRole("menuitem", { name: new RegExp(`^${role}`) }).click();
    await expect(owner.getByRole("button", { name: "Mo Member role" })).toHaveText(role);
    await owner.keyboard.press("Escape");
  };
  await setRole("Viewer");
  await expect(member.getByText("View only")).toBeVisible();
  await expect(member.getByRole("button", { name: "Rectangle" })).toHaveCount(0);
  await expect(member.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expectNoAxeViolations(member, "editor, downgraded to viewer");
  await member.screenshot({ path: `${SCREENSHOT_DIR}/editor-downgraded-1280.png` });

  await setRole("Editor");
  await expect(member.getByRole("button", { name: "Rectangle" })).toBeVisible();
  await member.keyboard.press("r");
  await dragOnStage(member, [300, 200], [400, 280]);
  await expect(owner.getByTestId("layer-row")).toHaveCount(1);
});

test("drawing tools, marquee and shift-click selection, groups, locking, hiding and the shortcuts overlay", async ({ page }) => {
  await signUp(page, "Gus Grouper", uniqueEmail("gus"));
  await expect(page).toHaveURL(/\/dashboard$/);
  await createCanvas(page, "Tools");
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  const draw = async (tool: string, from: [number, number], to: [number, number]) => {
    await page.getByRole("button", { name: tool, exact: true }).click();
    await dragOnStage(page, from, to);
  };
  await draw("Rectangle", [100, 150], [200, 250]);
  await draw("Ellipse", [260, 150], [360, 250]);
  await draw("Line", [100, 320], [250, 360]);
  await draw("Arrow", [300, 320], [450, 380]);
  await draw("Draw", [100, 420], [300, 480]);
  const rows = page.getByTestId("layer-row");
  await expect(rows).toHaveCount(5);
  for (const name of ["Rect", "Ellipse", "Line", "Arrow", "Draw"]) await expect(rows.filter({ hasText: name })).toHaveCount(1);

  const stage = (await page.getByTestId("editor-stage").boundingBox())!;
  const click = async (x: number, y: number, modifiers: "Shift"[] = []) => {
    for (const key of modifiers) await page.keyboard.down(key);
    await page.mouse.click(stage.x + x, stage.y + y);
    for (const key of modifiers) await page.keyboard.up(key);
  };
  const selectedCount = () => page.locator('[data-testid="layer-row"][data-selected="true"]').count();

  // A marquee from empty canvas takes what it encloses; shift-click adds and removes.
  await page.keyboard.press("v");
  await click(40, 100);
  await dragOnStage(page, [60, 120], [400, 270]);
  await expect.poll(selectedCount).toBe(2);
  await click(40, 100);
  await click(150, 200);
  await expect.poll(selectedCount).toBe(1);
  await click(310, 200, ["Shift"]);
  await expect.poll(selectedCount).toBe(2);
  await click(175, 340, ["Shift"]); // on the line
  await expect.poll(selectedCount).toBe(3);
  await click(175, 340, ["Shift"]);
  await expect.poll(selectedCount).toBe(2);

  // Grouped shapes are picked together; ungrouped, alone again.
  await page.keyboard.press("ControlOrMeta+g");
  await click(40, 100);
  await click(150, 200);
  await expect.poll(selectedCount).toBe(2);
  await page.keyboard.press("ControlOrMeta+Shift+g");
  await click(40, 100);
  await click(150, 200);
  await expect.poll(selectedCount).toBe(1);

  // Locked shapes cannot be picked on the canvas; hidden ones leave it, both stay in the layers.
  await page.keyboard.press("ControlOrMeta+Shift+l");
  await expect(rows.filter({ hasText: "Rect" }).getByRole("button", { name: "Unlock" })).toBeVisible();
  await click(40, 100);
  await click(150, 200);
  await expect.poll(selectedCount).toBe(0);
  await rows.filter({ hasText: "Ellipse" }).getByRole("button", { name: "Select Ellipse" }).click();
  await page.keyboard.press("ControlOrMeta+Shift+h");
  await expect(rows.filter({ hasText: "Ellipse" }).getByRole("button", { name: "Show" })).toBeVisible();
  await expectNoAxeViolations(page, "editor, hidden and locked layers");

  // The shortcuts overlay, and zoom to fit.
  await page.keyboard.press("Shift+?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("Space + drag");
  await expectNoAxeViolations(page, "keyboard shortcuts overlay");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/editor-shortcuts-1280.png` });
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  const zoom = page.getByTestId("zoom-level");
  const before = await zoom.textContent();
  await page.keyboard.press("Shift+!");
  await expect(zoom).not.toHaveText(before!);
});
