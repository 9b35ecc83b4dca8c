import { inject } from "vitest";

// What the app writes under DATA_DIR in tests (the mail outbox, the shop's secret) goes to this
// run's own folder, which globalSetup makes empty at the start and removes at the end.
process.env.DATA_DIR = inject("dataDir");
