"use client";

import { notifications } from "@mantine/notifications";
import { useCallback } from "react";
import { useI18n } from "../../../_i18n/I18nProvider";
import { errorMessage } from "../../../_lib/errors";
import { useTRPCClient } from "../../../_lib/trpc";
import type { PrintArea } from "@/domain/catalog/catalog";
import { isVectorType } from "@/domain/design/placement";
import { SHAPE_LIMITS } from "@/domain/document/shape";
import type { DocumentWriter } from "../store/documentWriter";
import { makeShape } from "../store/shapeTypes";
import { landingBox } from "./placeImage";

const ACCEPTED = new Set(["image/png", "image/jpeg", "image/webp", "image/svg+xml"]);
/** On a canvas without a product, an upload's longer side at most. */
const MAX_SIDE = 600;

/**
 * Uploads image files (presigned PUT, then server-side validation) and places each one at `at`: on
 * a product's print area at the size that holds its DPI (an SVG filling the area), else scaled to
 * fit. Files the server refuses show why.
 */
export function useImageUpload(canvasId: string, writer: DocumentWriter & { getState(): { area: PrintArea | null } }, select: (ids: string[]) => void) {
  const client = useTRPCClient();
  const { t } = useI18n();
  return useCallback(
    async (files: File[], at: { x: number; y: number }) => {
      const placed: string[] = [];
      for (const [i, file] of files.entries()) {
        if (!ACCEPTED.has(file.type)) {
          notifications.show({ color: "red", title: file.name, message: t("editor.upload.unsupported") });
          continue;
        }
        const id = notifications.show({ loading: true, autoClose: false, withCloseButton: false, message: t("editor.upload.progress", { name: file.name }) });
        try {
          const up = await client.asset.createUpload.mutate({ canvasId, contentType: file.type as "image/png", size: file.size, fileName: file.name.slice(0, 200) });
          const put = await fetch(up.uploadUrl, { method: up.method, headers: up.headers, body: file });
          if (!put.ok) throw new Error(t("editor.upload.failed", { status: put.status }));
          const asset = await client.asset.completeUpload.mutate({ assetId: up.assetId });
          const source = { width: asset.width, height: asset.height, vector: isVectorType(asset.contentType) };
          const box = landingBox(writer.getState().area, source, { x: at.x + i * 24, y: at.y + i * 24 }, { freeSide: MAX_SIDE });
          const shape = makeShape("image", { x: box.x, y: box.y }, {
            width: box.width,
            height: box.height,
            src: asset.url,
            name: (file.name.replace(/\.[a-z0-9]+$/i, "") || "Image").slice(0, SHAPE_LIMITS.name),
            fill: "transparent",
          });
          writer.addShapes([shape]);
          placed.push(shape.id);
          notifications.hide(id);
        } catch (e) {
          notifications.update({ id, loading: false, autoClose: 6000, withCloseButton: true, color: "red", title: file.name, message: e instanceof Error && !("data" in e) ? e.message : errorMessage(e, t) });
        }
      }
      if (placed.length) select(placed);
    },
    [client, canvasId, writer, select, t],
  );
}
