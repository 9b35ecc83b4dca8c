"use client";

import { RangeSlider, Stack, Text } from "@mantine/core";
import { useI18n } from "../../_i18n/I18nProvider";
import type { DocumentWriter } from "./store/documentWriter";
import { useLoadedImage } from "./images/useLoadedImage";
import { cropPatch } from "./store/imageCrop";
import type { Shape } from "./store/shapeTypes";

/** Crops an image by the share of its source kept horizontally and vertically. */
export function ImageCrop({ writer, shape, readOnly }: { writer: DocumentWriter; shape: Shape; readOnly: boolean }) {
  const { t } = useI18n();
  const loaded = useLoadedImage(shape.src);
  if (!loaded) return null;
  const natural = { w: loaded.image.naturalWidth, h: loaded.image.naturalHeight };
  const crop = shape.crop ?? { x: 0, y: 0, width: natural.w, height: natural.h };
  const apply = (axis: "x" | "y", range: [number, number]) => writer.updateShapes([shape.id], cropPatch(shape, natural, axis, range));
  const pct = (v: number, size: number) => Math.round((v / size) * 100);
  return (
    <Stack gap={6}>
      <Text size="xs" fw={500}>
        {t("editor.crop.title")}
      </Text>
      <RangeSlider size="sm" minRange={5} disabled={readOnly} aria-label={t("editor.crop.horizontal")} thumbFromLabel={t("editor.crop.left")} thumbToLabel={t("editor.crop.right")} label={(v) => `${v} %`} value={[pct(crop.x, natural.w), pct(crop.x + crop.width, natural.w)]} onChangeEnd={(v) => apply("x", v)} />
      <RangeSlider size="sm" minRange={5} disabled={readOnly} aria-label={t("editor.crop.vertical")} thumbFromLabel={t("editor.crop.top")} thumbToLabel={t("editor.crop.bottom")} label={(v) => `${v} %`} value={[pct(crop.y, natural.h), pct(crop.y + crop.height, natural.h)]} onChangeEnd={(v) => apply("y", v)} />
    </Stack>
  );
}
