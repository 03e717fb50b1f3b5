/** The commitment-part layout: numbered sub-titles under a part that names commitments, with no commitment word of their own. */
import { describe, expect, it } from "vitest";
import { bold, extract, h, p } from "../tree-builders.js";

const summary = (children: Parameters<typeof extract>[0]) => extract(children).commitments.map((c) => [c.number, c.title, c.status]);

describe("a part reviewing the commitments", () => {
  it("reads bold numbered sub-titles and their prose, and ends at the part's next sibling", () => {
    expect(
      summary([
        p("1. Welcome"),
        p("The chair opened the meeting."),
        p("2. Progress on commitments"),
        p(bold("1. Open budgets")),
        p("The citizens' budget was published in March; the work is complete."),
        p(bold("2. Beneficial ownership")),
        p("The register is behind schedule because the decree is not yet signed."),
        p("3. Any other business"),
        p("None."),
      ]),
    ).toEqual([
      ["1", "Open budgets", "completed"],
      ["2", "Beneficial ownership", "in_progress"],
    ]);
  });

  it("reads dotted headings under a heading that names the engagements, in French", () => {
    expect(
      summary([
        h(2, "3. État d'avancement des engagements"),
        h(3, "3.1 Budget ouvert"),
        p("Les travaux se poursuivent avec la Cour des comptes."),
        h(3, "3.2 Registre des bénéficiaires effectifs"),
        p("Statut : réalisé"),
        h(2, "4. Divers"),
        h(3, "4.1 Prochaine réunion"),
      ]),
    ).toEqual([
      ["3.1", "Budget ouvert", "in_progress"],
      ["3.2", "Registre des bénéficiaires effectifs", "completed"],
    ]);
  });

  it("reads Arabic sub-titles under a part on the commitments", () => {
    expect(
      summary([h(2, "متابعة تنفيذ الالتزامات"), h(3, "1- النفاذ إلى المعلومة"), p("الحالة: منجز"), h(3, "2- الميزانية المفتوحة"), p("يجري العمل على نشر الميزانية.")]),
    ).toEqual([
      ["1", "النفاذ إلى المعلومة", "completed"],
      ["2", "الميزانية المفتوحة", "in_progress"],
    ]);
  });

  it("takes no numbered part of other minutes for a commitment", () => {
    expect(summary([h(2, "1. Welcome"), p("Apologies were noted."), h(2, "2. Minutes of the last meeting"), p("Approved.")])).toEqual([]);
  });
});
