import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { dragOnStage, expectNoAxeViolations, painted, shoot, ownerAndInvitee } from "./helpers";

test("two people edit one canvas live and see each other's shapes and cursors", async ({ browser }) => {
  const [owner, editor] = await ownerAndInvitee(browser, { owner: "Olivia Owner", invitee: "Eddie Editor" }, "Team hoodie");

  // The owner draws a rectangle; the editor sees it appear.
  await owner.keyboard.press("r");
  await dragOnStage(owner, [300, 200], [420, 300]);
  await expect(editor.getByTestId("layer-row")).toHaveCount(1);
  await expect(editor.getByTestId("layer-row").first()).toContainText("Rect");

  // The editor draws an ellipse and writes text; the owner sees both.
  await editor.keyboard.press("o");
  await dragOnStage(editor, [450, 220], [560, 330]);
  await editor.keyboard.press("t");
  const box = (await editor.getByTestId("editor-stage").boundingBox())!;
  await editor.mouse.click(box.x + 320, box.y + 420);
  await editor.getByRole("textbox", { name: "Edit text" }).fill("Team 2026");
  await editor.keyboard.press("Escape");
  await expect(owner.getByTestId("layer-row")).toHaveCount(3);
  await expect(owner.getByTestId("layer-row").first()).toContainText("Team 2026");

  // Cursors: each sees the other present with a cursor on the canvas.
  await owner.mouse.move(box.x + 200, box.y + 150);
  await owner.mouse.move(box.x + 210, box.y + 160);
  await expect(editor.getByRole("img", { name: "Olivia Owner is here" }).or(editor.getByLabel("Olivia Owner is here"))).toHaveAttribute("data-has-cursor", "true");
  await editor.mouse.move(box.x + 500, box.y + 500);
  await expect(owner.getByLabel("Eddie Editor is here")).toHaveAttribute("data-has-cursor", "true");
  await expectNoAxeViolations(owner, "editor with a collaborator present");

  // Undo is per person: the editor's undo removes the editor's text, not the owner's rectangle.
  await editor.mouse.click(box.x + 20, box.y + 20);
  await editor.keyboard.press("ControlOrMeta+z");
  await expect(owner.getByTestId("layer-row")).toHaveCount(2);
  await expect(owner.getByTestId("layer-row").last()).toContainText("Rect");
  await editor.keyboard.press("ControlOrMeta+Shift+z");
  await expect(owner.getByTestId("layer-row")).toHaveCount(3);

  // An image uploaded by the owner (presigned upload, validated by the server) appears for both.
  const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#f06595" } }).png().toBuffer();
  await owner.getByTestId("image-input").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
  await expect(editor.getByTestId("layer-row")).toHaveCount(4);
  await expect(editor.getByTestId("layer-row").first()).toContainText("logo");

  // Several objects selected, as the owner sees them.
  await owner.keyboard.press("ControlOrMeta+a");
  await expect(owner.locator('[data-testid="layer-row"][data-selected="true"]')).toHaveCount(4);
  await painted(owner);
  await expectNoAxeViolations(owner, "editor, several objects selected");
  await owner.screenshot({ path: "e2e/screenshots/editor-selection-1280.png" });
  await shoot(editor, "editor-peer");
});
