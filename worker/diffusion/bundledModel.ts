export { BUNDLED_MODEL_DIR, modelDir } from "@/server/jobs/modelInfo";
