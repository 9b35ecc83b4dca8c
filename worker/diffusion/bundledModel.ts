import { bundledModelDir } from "@/server/jobs/modelInfo";

export { modelDir } from "@/server/jobs/modelInfo";

export const BUNDLED_MODEL_DIR = bundledModelDir();
