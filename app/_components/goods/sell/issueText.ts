import type { Issue } from "@/domain/design/preflight";
import type { MessageKey } from "@/domain/i18n/messages/en";

/** A preflight issue in words, as the Preflight tab writes it; `areaName` translates the area's name. */
export function issueText(t: (key: MessageKey, params?: Record<string, string | number>) => string, issue: Issue, areaName: (name: string) => string = (n) => n): string {
  const shape = "shape" in issue ? issue.shape : null;
  const params = {
    area: areaName(issue.area.name),
    name: shape?.name ?? "",
    ...("dpi" in issue ? { dpi: issue.dpi, min: issue.min } : {}),
    ...("pt" in issue ? { pt: issue.pt } : {}),
    ...("width" in issue ? { width: issue.width, height: issue.height } : {}),
  };
  return t(`goods.preflight.${issue.kind}` as MessageKey, params);
}
