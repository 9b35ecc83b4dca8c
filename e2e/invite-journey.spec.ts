import { expect, test } from "@playwright/test";
import { createCanvas, createInviteLink, expectNoAxeViolations, shoot, signUp, uniqueEmail } from "./helpers";

test("owner invites an editor by link; the editor joins through sign-up; a viewer cannot rename", async ({ browser }) => {
  // Three people, three browsers and an e-mail round trip: on two busy cores this outgrew 60 s once.
  test.slow();
  const ownerCtx = await browser.newContext({ locale: "en-US" });
  const owner = await ownerCtx.newPage();

  await owner.goto("/");
  await expect(owner.getByRole("heading", { name: /Design merch together/ })).toBeVisible();
  await expectNoAxeViolations(owner, "landing");
  await shoot(owner, "landing");
  await owner.goto("/sign-in");
  await expectNoAxeViolations(owner, "sign-in");
  await shoot(owner, "sign-in");
  await owner.goto("/sign-up");
  await expectNoAxeViolations(owner, "sign-up");
  await shoot(owner, "sign-up");

  await signUp(owner, "Olivia Owner", uniqueEmail("olivia"));
  await expect(owner).toHaveURL(/\/dashboard$/);
  await expect(owner.getByText("No canvases yet")).toBeVisible();
  await expectNoAxeViolations(owner, "dashboard (empty)");
  await shoot(owner, "dashboard-empty");

  await owner.getByRole("button", { name: "New canvas" }).first().click();
  await expect(owner.getByRole("dialog", { name: "New canvas" })).toBeVisible();
  await expectNoAxeViolations(owner, "new-canvas dialog");
  await owner.getByLabel("Name").fill("Festival tees");
  await owner.getByRole("button", { name: "Create" }).click();
  await expect(owner).toHaveURL(/\/canvas\/[0-9a-f-]{36}$/);
  const canvasUrl = owner.url();
  await expect(owner.getByTestId("canvas-name")).toHaveText("Festival tees");
  await expect(owner.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expectNoAxeViolations(owner, "canvas editor (owner)");

  await owner.getByRole("button", { name: "Share" }).click();
  await expect(owner.getByRole("dialog")).toBeVisible();
  await expectNoAxeViolations(owner, "share dialog");
  await owner.getByRole("button", { name: "Create invite link" }).click();
  const editorLink = await owner.getByTestId("invite-url").inputValue();
  expect(editorLink).toMatch(/\/invite\/[\w-]{40,}$/);
  await expect(owner.getByTestId("invite-row")).toHaveCount(1);
  await expectNoAxeViolations(owner, "share dialog with a link");
  await shoot(owner, "invite-dialog");

  // The invitee arrives signed out: the link names the canvas, its owner and the role, and offers
  // to sign up or in; either joins in the same step, with no second "Join?".
  const editorCtx = await browser.newContext({ locale: "en-US" });
  const editor = await editorCtx.newPage();
  await editor.goto(editorLink);
  await expect(editor.getByTestId("invite-canvas-name")).toHaveText("Join “Festival tees”?");
  await expect(editor.getByText("A canvas owned by Olivia Owner.")).toBeVisible();
  await expect(editor.getByText("Editor", { exact: true })).toBeVisible();
  await expect(editor.getByTestId("invite-join")).toHaveCount(0);
  await expectNoAxeViolations(editor, "invite, signed out");
  await shoot(editor, "invite-signed-out");
  await editor.getByTestId("invite-sign-in").click();
  await expect(editor).toHaveURL(/\/sign-in\?next=%2Finvite%2F/);
  await expect(editor.getByTestId("invite-summary")).toContainText("Join “Festival tees”");
  await expect(editor.getByTestId("invite-summary")).toContainText("Olivia Owner invited you");
  await expect(editor.getByRole("button", { name: "Sign in and join" })).toBeVisible();
  await expectNoAxeViolations(editor, "sign-in from an invite");
  await editor.getByRole("link", { name: "Get started" }).last().click();
  await expect(editor).toHaveURL(/\/sign-up\?next=%2Finvite%2F/);
  await expect(editor.getByTestId("invite-summary")).toContainText("Join “Festival tees”");
  await expectNoAxeViolations(editor, "sign-up from an invite");
  await shoot(editor, "sign-up-from-invite");
  await signUp(editor, "Eddie Editor", uniqueEmail("eddie"), editor.url());
  await expect(editor).toHaveURL(canvasUrl);
  await expect(editor.getByTestId("canvas-name")).toHaveText("Festival tees");
  await expect(editor.getByRole("button", { name: "Share" })).toBeVisible();
  await expect(editor.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expectNoAxeViolations(editor, "canvas editor (editor)");

  // The owner sees the new member in the panel, then makes a viewer link and a viewer joins.
  await owner.keyboard.press("Escape");
  await owner.reload();
  await owner.getByTestId("open-members").click();
  await expect(owner.getByTestId("member-row")).toHaveCount(2);
  await expectNoAxeViolations(owner, "members panel");
  await shoot(owner, "members-panel");
  await owner.getByRole("button", { name: "Eddie Editor role" }).click();
  await expect(owner.getByRole("menu")).toBeVisible();
  await expectNoAxeViolations(owner, "member role menu");
  await owner.keyboard.press("Escape");
  await expect(owner.getByRole("menu")).toBeHidden();
  const membersDrawer = owner.getByRole("dialog", { name: "Members" });
  if (await membersDrawer.isVisible()) await owner.keyboard.press("Escape");
  await expect(membersDrawer).toBeHidden();

  await owner.getByRole("button", { name: "Share" }).click();
  await owner.getByRole("dialog").getByLabel("Invite as").click();
  await expect(owner.getByRole("option", { name: "Viewer" })).toBeVisible();
  await expectNoAxeViolations(owner, "share dialog, role list open");
  await owner.getByRole("option", { name: "Viewer" }).click();
  await owner.getByRole("button", { name: "Create invite link" }).click();
  await expect(owner.getByTestId("invite-url")).toHaveValue(/invite/);
  const viewerLink = await owner.getByTestId("invite-url").inputValue();
  expect(viewerLink).not.toBe(editorLink);

  const viewerCtx = await browser.newContext({ locale: "ko-KR" });
  const viewer = await viewerCtx.newPage();
  await signUp(viewer, "뷰어 지우", uniqueEmail("jiwoo"));
  await expect(viewer).toHaveURL(/\/dashboard$/);
  await viewer.goto(viewerLink);
  await viewer.getByRole("button", { name: "캔버스 참여" }).click();
  await expect(viewer).toHaveURL(canvasUrl);
  await expect(viewer.getByText("보기 전용")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "이름 변경" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "공유" })).toHaveCount(0);
  await expectNoAxeViolations(viewer, "canvas editor (viewer, Korean)");
  await shoot(viewer, "canvas-viewer-ko");

  // Even a hand-made request from the viewer's session is refused by the server.
  const res = await viewer.request.post("/api/trpc/canvas.rename", {
    headers: { "content-type": "application/json", origin: new URL(canvasUrl).origin },
    data: { json: { id: canvasUrl.split("/").pop(), name: "Hijacked" } },
  });
  expect(res.status()).toBe(403);
  await owner.reload();
  await expect(owner.getByTestId("canvas-name")).toHaveText("Festival tees");

  await owner.goto("/dashboard");
  await expect(owner.getByTestId("canvas-card")).toHaveCount(1);
  await expectNoAxeViolations(owner, "dashboard");
  await shoot(owner, "dashboard");
});

test("a revoked invite link shows a clear message", async ({ browser }) => {
  const ctx = await browser.newContext({ locale: "en-US" });
  const page = await ctx.newPage();
  await signUp(page, "Rita Revoker", uniqueEmail("rita"));
  await expect(page).toHaveURL(/\/dashboard$/);
  await createCanvas(page, "Mugs");
  const link = await createInviteLink(page);
  await page.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(page.getByTestId("invite-row").first()).toContainText("Revoked");
  await expectNoAxeViolations(page, "share dialog with a revoked link");

  const other = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signUp(other, "Sam", uniqueEmail("sam"));
  await expect(other).toHaveURL(/\/dashboard$/);
  await other.goto(link);
  await expect(other.getByText("This invite link has been revoked.")).toBeVisible();
  await expectNoAxeViolations(other, "invite accept page (revoked)");
  await shoot(other, "invite-revoked");
});
