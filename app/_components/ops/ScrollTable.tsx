"use client";

import { Table } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A table that scrolls sideways when narrower than `minWidth`, reachable by keyboard (the region
 * takes focus, so arrow keys scroll it) and named for screen readers.
 */
export function ScrollTable({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) {
  return (
    <Table.ScrollContainer type="native" minWidth={minWidth} tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}
