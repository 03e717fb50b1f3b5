/** Status phrases as committees write them: negated, partial, closing, in prose, in three languages. */
import { describe, expect, it } from "vitest";
import { foldWithMap } from "../../src/extract/match.js";
import { proseStatus } from "../../src/extract/record-builder.js";
import { openingStatus } from "../../src/extract/text-helpers.js";

const opening = (text: string) => {
  const hit = openingStatus(foldWithMap(text));
  return hit && [hit.status, hit.label];
};

describe("status phrases", () => {
  it("turns a negated status, whatever the lexicon lists with the phrase", () => {
    expect(opening("Not done")).toEqual(["not_completed", "Not done"]);
    expect(opening("Not yet completed")).toEqual(["not_completed", "Not yet completed"]);
    expect(opening("Pas encore réalisé")).toEqual(["not_completed", "Pas encore réalisé"]);
    expect(opening("Non finalisé")).toEqual(["not_completed", "Non finalisé"]);
    expect(opening("لم يتم إنجازه")).toEqual(["not_completed", "لم يتم"]);
    expect(opening("Not on track")).toEqual(["in_progress", "Not on track"]);
  });

  it("reads a completion done in part as partial, before or after the phrase", () => {
    expect(opening("Partially done")).toEqual(["partially_completed", "Partially done"]);
    expect(opening("Completed in part")).toEqual(["partially_completed", "Completed in part"]);
    expect(opening("Réalisé en partie")).toEqual(["partially_completed", "Réalisé en partie"]);
    expect(opening("أنجز جزئيا")).toEqual(["partially_completed", "أنجز جزئيا"]);
  });

  it("keeps closing words as a label with no status", () => {
    expect(opening("Withdrawn – merged into 1.1")).toEqual(["unknown", "Withdrawn"]);
    expect(opening("Clôturé")).toEqual(["unknown", "Clôturé"]);
  });

  it("reads progress told in prose, and nothing in prose that states none", () => {
    expect(proseStatus(foldWithMap("Both commitments have had delays in delivery."))?.status).toBe("in_progress");
    expect(proseStatus(foldWithMap("Les travaux ont pris du retard."))?.status).toBe("in_progress");
    expect(proseStatus(foldWithMap("يجري العمل على نشر الميزانية"))?.status).toBe("in_progress");
    expect(proseStatus(foldWithMap("The committee thanked the secretariat."))).toBeNull();
  });
});
