import { describe, expect, it } from "vitest";
import { koreanLexicon } from "./koreanLexicon";
import { saysSomething, understandPrompt } from "./understandPrompt";

const read = async (prompt: string) => understandPrompt(prompt, await koreanLexicon());

describe("understandPrompt with the built lexicon", () => {
  it.each([
    ["빨간 하트", "red heart"],
    ["빨간색 하트", "red heart"],
    ["웃는 고양이 얼굴", "smiling cat face"],
    ["고양이 얼굴", "cat face"],
    ["선글라스 낀 얼굴", "smiling face with sunglasses"],
    ["유령", "ghost"],
    ["생일 케이크", "birthday cake"],
    ["태극기", "flag of korea"],
    ["노란 별", "yellow star"],
  ])("reads %s as %s", async (korean, english) => {
    expect(await read(korean)).toEqual({ understood: english, unknown: [] });
  });

  it("keeps English as typed in a mixed prompt, in its place", async () => {
    expect((await read("red 하트")).understood).toBe("red heart");
    expect((await read("하트 with sunglasses")).understood).toBe("heart with sunglasses");
    expect((await read("Big 고양이, pizza!")).understood).toBe("Big cat, pizza!");
  });

  it("reads Korean however it is spaced, and with particles", async () => {
    expect((await read("빨간하트")).understood).toBe("red heart");
    expect((await read("고양이얼굴")).understood).toBe("cat face");
    expect((await read("고양이를")).understood).toBe("cat");
    expect((await read("무지개와 유령")).understood).toBe("rainbow ghost");
  });

  it("leaves unknown Korean words out and names them", async () => {
    expect(await read("귀여운 강아지")).toEqual({ understood: "dog", unknown: ["귀여운"] });
    expect(await read("김치찌개")).toEqual({ understood: "", unknown: ["김치찌개"] });
  });

  it("returns null for a prompt with no Korean: it is read as written", async () => {
    expect(await read("red heart")).toEqual({ understood: null, unknown: [] });
    expect(await read("Smiling face, 8k")).toEqual({ understood: null, unknown: [] });
  });

  it("reads a prompt of the longest allowed length in linear time, spaced or not", async () => {
    const lexicon = await koreanLexicon();
    const spaced = "빨간 하트 웃는 고양이 얼굴 김치찌개 ".repeat(40).slice(0, 1000);
    const unspaced = "빨간하트웃는고양이김치찌개".repeat(80).slice(0, 1000);
    for (const long of [spaced, unspaced]) {
      const t0 = performance.now();
      for (let i = 0; i < 10; i++) understandPrompt(long, lexicon);
      // Tens of milliseconds on a busy machine; a quadratic reading of the unspaced word takes seconds.
      expect((performance.now() - t0) / 10).toBeLessThan(100);
    }
  });
});

describe("understandPrompt's rules, on a lexicon of its own", () => {
  const lexicon = new Map([
    ["고양이", "cat"],
    ["고양이얼굴", "cat face"],
    ["빨간", "red"],
    ["하트", "heart"],
    ["눈", "eye"],
  ]);

  it("prefers the longest phrase, left to right", () => {
    expect(understandPrompt("고양이 얼굴", lexicon).understood).toBe("cat face");
    expect(understandPrompt("고양이 빨간 하트", lexicon).understood).toBe("cat red heart");
  });

  it("splits an unspaced word only into known parts of two syllables or more", () => {
    expect(understandPrompt("빨간하트", lexicon).understood).toBe("red heart");
    // 눈 is known, but a single syllable is not taken out of an unknown word.
    expect(understandPrompt("눈사태", lexicon)).toEqual({ understood: "", unknown: ["눈사태"] });
  });

  it("tells a prompt that still says something from one reduced to punctuation", () => {
    expect(saysSomething(understandPrompt("하트!", lexicon).understood!)).toBe(true);
    expect(saysSomething(understandPrompt("김치, 된장!", lexicon).understood!)).toBe(false);
  });
});
