import { describe, expect, it } from "vitest";
import { findPercents, parsePercentValue } from "../src/text/percent.js";

describe("findPercents", () => {
  it("reads every way minutes write a percent", () => {
    expect(findPercents("75%").map((p) => p.value)).toEqual([75]);
    expect(findPercents("Taux : 75 %").map((p) => p.value)).toEqual([75]);
    expect(findPercents("Taux : 75\u00a0%").map((p) => p.value)).toEqual([75]);
    expect(findPercents("بنسبة ٧٥٪").map((p) => p.value)).toEqual([75]);
    expect(findPercents("%75 من الأنشطة").map((p) => p.value)).toEqual([75]);
    expect(findPercents("تمّ تنفيذه بنسبة 100. %  وقد").map((p) => p.value)).toEqual([100]);
    expect(findPercents("12,5 %").map((p) => p.value)).toEqual([12.5]);
  });

  it("reports where each percent is, in order", () => {
    const found = findPercents("portail à 90 %, engagement à 60 %");
    expect(found.map((p) => p.value)).toEqual([90, 60]);
    expect("portail à 90 %, engagement à 60 %".slice(found[1].index, found[1].index + found[1].length)).toBe("60 %");
  });

  it("reads a percent spelled out with the words it is given", () => {
    expect(findPercents("بنسبة 60 بالمائة", ["بالمائة"]).map((p) => p.value)).toEqual([60]);
    expect(findPercents("à 45 Pour Cent", ["pour cent"]).map((p) => p.value)).toEqual([45]);
    expect(findPercents("60 pour cent")).toEqual([]);
  });

  it("finds no percent in counts and years", () => {
    expect(findPercents("28 دورة تكوينية لفائدة 183 إطار خلال سنتي 2021-2022")).toEqual([]);
  });
});

describe("parsePercentValue", () => {
  it("reads a cell's percent, a bare number, or nothing", () => {
    expect(parsePercentValue("٤٠٪")).toBe(40);
    expect(parsePercentValue("30%")).toBe(30);
    expect(parsePercentValue("60")).toBe(60);
    expect(parsePercentValue("—")).toBeNull();
    expect(parsePercentValue("-")).toBeNull();
    expect(parsePercentValue("")).toBeNull();
    expect(parsePercentValue("n/a")).toBeNull();
    expect(parsePercentValue("250")).toBeNull();
  });
});
