/**
 * Events in running text: the place before the date as well as after it, ranges, venues,
 * days without a year (the meeting's year), in English, French and Arabic.
 */
import { describe, expect, it } from "vitest";
import { extractRecord } from "../src/extract/index.js";
import { readMarkdown } from "../src/ingest/text.js";
import type { Event } from "../src/model/meeting.js";

async function eventsOf(markdown: string): Promise<[string, string | null, string | null, string | null][]> {
  const doc = await readMarkdown(new TextEncoder().encode(markdown), "minutes.md");
  return extractRecord(doc, { sha256: "0".repeat(64) }).events.map((e: Event) => [e.title, e.date, e.endDate, e.place]);
}

const frHead = "# Conseil consultatif\n\n21 novembre 2018\n\n";
const enHead = "# Steering Committee\n\n14 March 2023\n\n";
const arHead = "# محضر اجتماع\n\nالخميس 9 مارس 2023\n\n";

describe("events in prose", () => {
  it("reads a venue before a date range, and keeps it out of the title", async () => {
    expect(await eventsOf(`${frHead}* Sommet : jusqu'à 1500 participants au Centre Shaw, du 29 au 31 mai 2019`)).toEqual([
      ["Sommet : jusqu'à 1500 participants", "2019-05-29", "2019-05-31", "Centre Shaw"],
    ]);
    expect(await eventsOf(`${enHead}The regional forum will take place in Mombasa on 12 May 2023.`)).toEqual([
      ["forum", "2023-05-12", null, "Mombasa"],
    ]);
    expect(await eventsOf(`${arHead}تنظم ورشة عمل بمدينة سوسة يوم 28 جوان 2023 لفائدة الجمعيات.`)).toEqual([["ورشة عمل", "2023-06-28", null, "سوسة"]]);
  });

  it("gives a day without a year the meeting's year", async () => {
    expect(await eventsOf(`${enHead}A training session will be held on 4 April in Nairobi.`)).toEqual([["training session", "2023-04-04", null, "Nairobi"]]);
    expect(await eventsOf(`${frHead}Un atelier de restitution aura lieu le 5 décembre à Tunis.`)).toEqual([["atelier de restitution", "2018-12-05", null, "Tunis"]]);
    expect(await eventsOf(`${frHead}Le forum national se tiendra du 10 au 12 décembre à Sousse.`)).toEqual([["forum national", "2018-12-10", "2018-12-12", "Sousse"]]);
    expect(await eventsOf(`${frHead}La semaine du gouvernement ouvert sera organisée du 15 au 19 mai à Saint-Louis.`)).toEqual([["semaine du gouvernement ouvert", "2018-05-15", "2018-05-19", "Saint-Louis"]]);
    expect(await eventsOf(`${enHead}A regional workshop will be held from 12 to 14 June at the Kenyatta Centre.`)).toEqual([["workshop", "2023-06-12", "2023-06-14", "Kenyatta Centre"]]);
  });

  it("takes neither the meeting's own date line joined to the text after it nor the words leading a date for an event's", async () => {
    expect(await eventsOf(`${arHead}تنظم ورشة عمل بمدينة سوسة يوم 28 جوان 2023 لفائدة الجمعيات`)).toEqual([["ورشة عمل", "2023-06-28", null, "سوسة"]]);
  });

  it("keeps the particles between a venue's capitalized words, not those after them", async () => {
    expect(await eventsOf(`${frHead}Un atelier se tiendra le 3 juin 2019 au Palais des Congrès de Tunis.`)).toEqual([["atelier", "2019-06-03", null, "Palais des Congrès de Tunis"]]);
    expect(await eventsOf(`${enHead}A workshop will be held on 4 April 2023 at the University of Nairobi for all members.`)).toEqual([["workshop", "2023-04-04", null, "University of Nairobi"]]);
    expect(await eventsOf(`${enHead}A workshop will be held on 4 April 2023 in Nairobi of course.`)).toEqual([["workshop", "2023-04-04", null, "Nairobi"]]);
  });

  it("takes no number for a place, and no Arabic word that merely opens with the preposition", async () => {
    expect(await eventsOf(`${frHead}Le séminaire réunira jusqu'à 300 participants, le 3 juin 2019.`)).toEqual([["séminaire réunira jusqu'à 300 participants", "2019-06-03", null, null]]);
    expect(await eventsOf(`${arHead}ندوة بخصوص النفاذ إلى المعلومة يوم 2 أفريل 2023.`)).toEqual([["ندوة بخصوص النفاذ إلى المعلومة", "2023-04-02", null, null]]);
  });
});

describe("events in other committees' templates", () => {
  const places = async (markdown: string) => (await eventsOf(markdown)).map(([, date, endDate, place]) => [date, endDate, place]);

  it("keeps a city with the venue after it, when both stand before the date", async () => {
    expect(await places(`${frHead}Un atelier usagers aura lieu à Lyon, à la Maison de la métropole, du 14 au 16 novembre 2022.`)).toEqual([
      ["2022-11-14", "2022-11-16", "Lyon, à la Maison"],
    ]);
  });

  it("reads an Arabic place after the common preposition right before the date, and a range joined by an attached و", async () => {
    expect(await places(`${arHead}تقرر تنظيم ورشة عمل للموظفين في مركز الحسن الثقافي في إربد يوم 20 نيسان 2023.`)).toEqual([["2023-04-20", null, "إربد"]]);
    expect(await places(`${arHead}سيُعقد المؤتمر الوطني في طرابلس في 18 و19 حزيران 2023، في معرض رشيد كرامي الدولي.`)).toEqual([["2023-06-18", "2023-06-19", "طرابلس"]]);
    // More than a place's few words between "في" and the date are no place.
    expect(await places(`${arHead}تنظم ورشة عمل في إطار دعم الشفافية والمساءلة يوم 20 نيسان 2023.`)).toEqual([["2023-04-20", null, null]]);
  });

  it("names an open government week, and takes no deadline for an event's date", async () => {
    expect(await places(`${enHead}The County Open Government Week will be held in Wote on 6 May 2023.`)).toEqual([["2023-05-06", null, "Wote"]]);
    expect(await places(`${frHead}La Semaine du Gouvernement ouvert se tiendra à Bouaké, du 9 au 13 mars 2019.`)).toEqual([["2019-03-09", "2019-03-13", "Bouaké"]]);
    expect(await places(`${enHead}The secretariat will send the invitations to the conference by 31 May 2023.`)).toEqual([]);
    expect(await places(`${arHead}الطلب إلى أمانة السر توجيه الدعوات إلى المؤتمر الوطني قبل 31 أيار 2023.`)).toEqual([]);
  });

  it("titles an event dated in a parenthesis by what stands before it", async () => {
    expect(await eventsOf(`${arHead}- النظر في المقترحات في إطار الأسبوع العالمي للحكومة المفتوحة (ينظّم من 27 إلى 31 ماي 2024) من طرف الهياكل.`)).toEqual([
      ["الأسبوع العالمي للحكومة المفتوحة", "2024-05-27", "2024-05-31", null],
    ]);
  });

  it("takes no earlier meeting whose minutes are approved for an event", async () => {
    expect(await eventsOf(`${frHead}Le comité a procédé à l'adoption du procès-verbal de la session du 8 décembre 2022.`)).toEqual([]);
    expect(await eventsOf(`${enHead}The minutes of the session of 9 February 2023 were approved.`)).toEqual([]);
  });

  it("takes a meeting the sentence places for an event, not the committee's own next meeting", async () => {
    expect(await places(`${enHead}Members noted that the OGP Africa regional meeting will take place in Nairobi on 3 June 2023.`)).toEqual([["2023-06-03", null, "Nairobi"]]);
    expect(await eventsOf(`${enHead}The OGP regional meeting will take place from 13 to 15 November at the Accra International Conference Centre.`)).toEqual([
      ["OGP regional meeting", "2023-11-13", "2023-11-15", "Accra International Conference Centre"],
    ]);
    expect(await places(`${frHead}La réunion régionale Afrique du PGO se tiendra à Dakar le 3 juin 2019.`)).toEqual([["2019-06-03", null, "Dakar"]]);
    expect(await places(`${enHead}The next meeting will be held in Accra on 14 December 2023.`)).toEqual([]);
    expect(await places(`${frHead}La prochaine réunion se tiendra à Tunis le 12 février 2019.`)).toEqual([]);
    expect(await places(`${enHead}A meeting with the district officers will be convened on 12 May 2023.`)).toEqual([]);
  });
});
