export * from "./auth";
export * from "./catalog";
export * from "./canvas";
export * from "./system";
export * from "./collab";
export * from "./asset";
export * from "./generation";
export * from "./printFile";
