"use client";

import { Text } from "@mantine/core";
import { modals } from "@mantine/modals";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useI18n } from "../../_i18n/I18nProvider";
import { errorMessage } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";
import { CanvasNameModal } from "./CanvasNameModal";

/** Create, rename and delete dialogs, shared by the dashboard and the canvas page. */
export function useCanvasDialogs() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.canvas.pathKey() });
  const create = useMutation(trpc.canvas.create.mutationOptions());
  const rename = useMutation(trpc.canvas.rename.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(trpc.canvas.delete.mutationOptions({ onSuccess: invalidate }));

  const openCreate = () => {
    const id = modals.open({
      title: t("dashboard.createTitle"),
      children: (
        <CanvasNameModal
          submitLabel={t("dashboard.create")}
          onClose={() => modals.close(id)}
          onSubmit={async (name) => {
            const { id: canvasId } = await create.mutateAsync({ name });
            // No notice: the new canvas opening says it, and a notice would sit over its Share button.
            await invalidate();
            router.push(`/canvas/${canvasId}`);
          }}
        />
      ),
    });
  };

  const openRename = (canvas: { id: string; name: string }) => {
    const id = modals.open({
      title: t("dashboard.renameTitle"),
      children: (
        <CanvasNameModal
          initial={canvas.name}
          submitLabel={t("dashboard.save")}
          onClose={() => modals.close(id)}
          onSubmit={async (name) => {
            await rename.mutateAsync({ id: canvas.id, name });
            notifications.show({ color: "teal", message: t("dashboard.renamed") });
          }}
        />
      ),
    });
  };

  const openDelete = (canvas: { id: string; name: string }, after?: () => void) =>
    modals.openConfirmModal({
      title: t("dashboard.deleteTitle", { name: canvas.name }),
      children: <Text size="sm">{t("dashboard.deleteBody")}</Text>,
      labels: { confirm: t("dashboard.deleteConfirm"), cancel: t("dashboard.cancel") },
      confirmProps: { color: "red" },
      onConfirm: () =>
        remove.mutate(
          { id: canvas.id },
          {
            onSuccess: () => {
              notifications.show({ color: "teal", message: t("dashboard.deleted") });
              after?.();
            },
            onError: (e) => notifications.show({ color: "red", title: t("common.error"), message: errorMessage(e, t) }),
          },
        ),
    });

  return { openCreate, openRename, openDelete };
}
