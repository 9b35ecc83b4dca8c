"use client";

import { Badge } from "@mantine/core";

/** A job queue's name, in its colour: the GPU queue violet, the CPU queue blue. */
export function QueueBadge({ queue }: { queue: string }) {
  return (
    <Badge variant="light" color={queue === "gpu" ? "violet" : "blue"} radius="sm">
      {queue}
    </Badge>
  );
}
