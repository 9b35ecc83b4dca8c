import { bundledModelDir } from "@/server/services/model/modelFolder";

export { modelDir } from "@/server/services/model/modelFolder";

export const BUNDLED_MODEL_DIR = bundledModelDir();
