import type { queueEn } from "./queue.en";

/** 캔버스 생성 대기열을 소유자가 관리하는 문구. */
export const queueKo: Record<keyof typeof queueEn, string> = {
  "generate.paused": "일시정지됨",
  "generate.pauseQueue": "일시정지",
  "generate.resumeQueue": "다시 시작",
  "generate.moveEarlier": "먼저 실행",
  "generate.moveLater": "나중에 실행",
  "errors.generation.queueChanged": "순서를 바꾸는 동안 대기열이 바뀌었어요. 다시 시도해 주세요.",
};
