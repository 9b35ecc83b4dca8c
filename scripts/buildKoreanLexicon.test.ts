import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { buildKoreanLexicon, type EmojiAnnotation } from "@/domain/prompt/buildKoreanLexicon";
import { LEXICON_PATH, lexiconJson } from "./buildKoreanLexicon";

describe("the Korean lexicon", () => {
  it("is what the script builds from the installed annotations and model (else run the script)", () => {
    expect(fs.readFileSync(LEXICON_PATH, "utf8")).toBe(lexiconJson());
  });
});

describe("buildKoreanLexicon", () => {
  const e = (hexcode: string, label: string, tags: string[] = [], skins?: EmojiAnnotation[]): EmojiAnnotation => ({ hexcode, label, tags, skins });
  const ko = [
    e("1", "빨간색 하트", ["하트", "사랑"]),
    e("2", "파란색 하트", ["하트"]),
    e("3", "하트", ["카드"]),
    e("4", "고양이 얼굴", ["고양이", "입벌리고 웃는 고양이"]),
    e("5", "웃는 고양이", ["고양이"]),
    e("6", "깃발: 대한민국", ["깃발"]),
    e("7", "올린 엄지", ["엄지"], [e("7-1", "올린 엄지: 검은색 피부"), e("7-2", "올린 엄지: 하얀 피부")]),
    e("8", "키캡: 1"),
    e("9", "키캡: #"),
    ...["노란색", "초록색", "보라색"].map((c, i) => e(`h${i}`, `${c} 하트`, ["하트"])),
  ];
  const en = [
    e("1", "red heart", ["heart", "love"]),
    e("2", "blue heart", ["heart"]),
    e("3", "heart suit", ["card"]),
    e("4", "cat face", ["cat"]),
    e("5", "grinning cat", ["cat"]),
    e("6", "flag: South Korea", ["flag"]),
    e("7", "thumbs up", ["thumb"], [e("7-1", "thumbs up: dark skin tone"), e("7-2", "thumbs up: light skin tone")]),
    e("8", "keycap: 1"),
    e("9", "keycap: #"),
    ...["yellow", "green", "purple"].map((c, i) => e(`h${i}`, `${c} heart`, ["heart"])),
  ];
  const lexicon = buildKoreanLexicon(ko, en);

  it("maps whole names, keyed without spaces, to the English name in the model's spelling", () => {
    expect(lexicon["빨간색하트"]).toBe("red heart");
    expect(lexicon["고양이얼굴"]).toBe("cat face");
    expect(lexicon["깃발대한민국"]).toBe("flag: south korea");
    expect(lexicon["올린엄지하얀피부"]).toBe("thumbs up: light skin tone");
  });

  it("maps each half of a name with a colon", () => {
    expect(lexicon["대한민국"]).toBe("south korea");
    expect(lexicon["깃발"]).toBe("flag");
    expect(lexicon["하얀피부"]).toBe("light skin tone");
  });

  it("maps an alternative name that only one emoji carries", () => {
    expect(lexicon["입벌리고웃는고양이"]).toBe("cat face");
  });

  it("aligns single words by the emoji they share, a common word over a one-word name", () => {
    expect(lexicon["고양이"]).toBe("cat");
    // 하트 is in six names: the word, not the card suit's name.
    expect(lexicon["하트"]).toBe("heart");
  });

  it("keeps a name with a symbol from taking its plain part's key", () => {
    expect(lexicon["키캡"]).toBe("keycap");
    expect(lexicon["키캡1"]).toBe("keycap: 1");
  });

  it("takes colours from its own table, not from skin tones", () => {
    expect(lexicon["빨간"]).toBe("red");
    expect(lexicon["검은색"]).toBe("black");
    expect(lexicon["하얀"]).toBe("white");
  });

  it("leaves out keys without Korean and English words the model does not know", () => {
    expect(Object.keys(lexicon).every((k) => /\p{Script=Hangul}/u.test(k))).toBe(true);
    const picky = buildKoreanLexicon(ko, en, (w) => w !== "cat");
    expect(picky["고양이"]).toBeUndefined();
    expect(picky["고양이얼굴"]).toBe("cat face");
  });
});
