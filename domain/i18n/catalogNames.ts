import type { Locale } from "./locales";

type Names = { products: Record<string, string>; colors: Record<string, string>; areas: Record<string, string> };

/**
 * The catalog's names in other languages than its own (English, as stored): goods by product id,
 * colours and print areas by their English name, which products share. A name the catalog gains
 * later shows as stored until it is added here.
 */
const TRANSLATED: Partial<Record<Locale, Names>> = {
  ko: {
    products: {
      tee: "클래식 티셔츠",
      hoodie: "풀오버 후디",
      mug: "세라믹 머그 11온스",
      tote: "캔버스 토트백",
      poster: "무광 포스터",
      stickers: "다이컷 스티커 시트",
      case: "터프 폰 케이스",
    },
    colors: {
      White: "화이트",
      Black: "블랙",
      "Heather Grey": "헤더 그레이",
      Navy: "네이비",
      Red: "레드",
      "Forest Green": "포레스트 그린",
      Sand: "샌드",
      Maroon: "마룬",
      Natural: "내추럴",
      Clear: "투명",
    },
    areas: { Front: "앞면", Back: "뒷면", "Wrap-around": "전체 둘레", Print: "인쇄면", Sheet: "시트" },
  },
};

export type CatalogNames = {
  product: (p: { id: string; name: string }) => string;
  color: (english: string) => string;
  area: (english: string) => string;
};

export function catalogNames(locale: Locale): CatalogNames {
  const names = TRANSLATED[locale];
  return {
    product: (p) => names?.products[p.id] ?? p.name,
    color: (english) => names?.colors[english] ?? english,
    area: (english) => names?.areas[english] ?? english,
  };
}
