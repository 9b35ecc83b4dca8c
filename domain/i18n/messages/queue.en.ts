/** The owner's hold on the canvas's generation queue, spread into `en`. */
export const queueEn = {
  "generate.paused": "Paused",
  "generate.pauseQueue": "Pause",
  "generate.resumeQueue": "Resume",
  "generate.moveEarlier": "Run earlier",
  "generate.moveLater": "Run later",
  "errors.generation.queueChanged": "The queue changed while you were reordering it. Try again.",
} as const;
