"use client";

import { Box, Text, VisuallyHidden } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { useI18n } from "../../_i18n/I18nProvider";
import type { OrderStatus } from "./shopTypes";
import classes from "./OrderTracker.module.css";

const STEPS = ["paid", "in_production", "shipped", "delivered"] as const satisfies readonly OrderStatus[];

/** Paid → in production → shipped → delivered, with the order's place on it. */
export function OrderTracker({ status }: { status: OrderStatus }) {
  const { t } = useI18n();
  const reached = STEPS.indexOf(status as (typeof STEPS)[number]);
  return (
    <ol className={classes.track} data-testid="order-tracker">
      {STEPS.map((step, i) => {
        const state = i < reached || (i === reached && step === "delivered") ? "done" : i === reached ? "current" : "todo";
        return (
          <li key={step} className={classes.step} data-state={state} aria-current={i === reached ? "step" : undefined}>
            <Box className={classes.dot}>{state === "done" ? <IconCheck size={14} stroke={3} /> : state === "current" ? <span className={classes.pulse} /> : null}</Box>
            <Text size="sm" fw={state === "todo" ? 400 : 600} c={state === "todo" ? "dimmed" : "dark"} className={classes.label}>
              {t(`shop.status.${step}`)}
            </Text>
            {i === reached && <VisuallyHidden>{t("shop.order.step", { step: i + 1, total: STEPS.length, status: t(`shop.status.${step}`) })}</VisuallyHidden>}
          </li>
        );
      })}
    </ol>
  );
}
