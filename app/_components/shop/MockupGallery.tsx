"use client";

import { AspectRatio, Box, Group, Loader, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconPhotoOff, IconShirt } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import type { GalleryShot } from "./listingMedia";
import classes from "./MockupGallery.module.css";

/** The product's pictures in one colour: a large one and a thumbnail per side. */
export function MockupGallery({ shots, alt, color }: { shots: GalleryShot[]; alt: (area: string) => string; color: string }) {
  const { t, names } = useI18n();
  const [index, setIndex] = useState(0);
  useEffect(() => setIndex((i) => (i < shots.length ? i : 0)), [shots.length]);
  const shot = shots[index] ?? shots[0];
  return (
    <div className={classes.gallery} data-testid="gallery">
      <AspectRatio ratio={1} className={classes.main} w="100%">
        {shot?.url ? (
          <img src={shot.url} alt={alt(names.area(shot.areaName))} className={classes.image} data-testid="gallery-main" data-color={color} data-area={shot.printAreaId} />
        ) : (
          <Pending failed={shot?.status === "failed"} />
        )}
      </AspectRatio>
      {shots.length > 1 && (
        <div className={classes.thumbs} role="group" aria-label={t("shop.gallery.views")}>
          {shots.map((s, i) => (
            <UnstyledButton key={s.printAreaId} className={classes.thumb} aria-pressed={i === index} onClick={() => setIndex(i)} aria-label={t("shop.gallery.show", { area: names.area(s.areaName) })}>
              <Box className={classes.thumbImage}>{s.url ? <img src={s.url} alt="" className={classes.image} /> : <IconShirt size={24} stroke={1.3} color="var(--mantine-color-gray-5)" />}</Box>
              <Text size="xs" fw={600} ta="center" mt={4} aria-hidden>
                {names.area(s.areaName)}
              </Text>
            </UnstyledButton>
          ))}
        </div>
      )}
    </div>
  );
}

function Pending({ failed }: { failed: boolean }) {
  const { t } = useI18n();
  return (
    <Stack className={classes.pending} align="center" justify="center" gap="sm" role="status" data-testid="gallery-pending">
      {failed ? <IconPhotoOff size={48} stroke={1.2} color="var(--mantine-color-gray-6)" /> : <IconShirt size={56} stroke={1.1} color="var(--mantine-color-violet-4)" />}
      <Group gap={8}>
        {!failed && <Loader size="xs" color="violet" />}
        <Text size="sm" c="dimmed">
          {failed ? t("shop.gallery.failed") : t("shop.gallery.rendering")}
        </Text>
      </Group>
    </Stack>
  );
}
