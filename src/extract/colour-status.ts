/**
 * Status given as colour: the red / amber / green ("RAG") shading of a status cell.
 *
 * Readers keep a cell's shading as six hex digits (`data.fill`, see ingest/tree.ts); this says
 * which of the three traffic-light colours it is, by hue, so that every shade an office uses
 * counts: Word's and Excel's pure colours (FF0000, FFC000, 00B050), their light tints
 * (FFC7CE, FFEB9C, C6EFCE), and yellow for amber. The default, used when the document gives
 * no key of its own:
 * - red: hue below 20° or from 340° (reds, pinks, crimson);
 * - amber: 20° to 70° (orange, amber, yellow);
 * - green: 70° to 170° (yellow-green to teal-green);
 * - anything else is no status: blues and purples (hue 170° to 340°), and greys, white and
 *   black (saturation under 25 %, lightness above 95 % or under 10 %), which tables use for
 *   header rows and banding.
 */
export type ColourStatus = "red" | "amber" | "green";

const HEX = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i;
const MIN_SATURATION = 0.25;
const MAX_LIGHTNESS = 0.95;
const MIN_LIGHTNESS = 0.1;

/** Hue in degrees [0, 360), saturation and lightness in [0, 1] (HSL). */
function hsl(red: number, green: number, blue: number): { hue: number; saturation: number; lightness: number } {
  const [r, g, b] = [red / 255, green / 255, blue / 255];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const chroma = max - min;
  if (chroma === 0) return { hue: 0, saturation: 0, lightness };
  const saturation = chroma / (1 - Math.abs(2 * lightness - 1));
  let hue: number;
  if (max === r) hue = ((g - b) / chroma) % 6;
  else if (max === g) hue = (b - r) / chroma + 2;
  else hue = (r - g) / chroma + 4;
  return { hue: (hue * 60 + 360) % 360, saturation, lightness };
}

/** The traffic-light status a cell's fill shows ("FF0000" -> "red"), or null for other colours and anything not a hex colour. */
export function statusOfFill(hex: string): ColourStatus | null {
  const digits = HEX.exec(hex.trim());
  if (!digits) return null;
  const { hue, saturation, lightness } = hsl(parseInt(digits[1]!, 16), parseInt(digits[2]!, 16), parseInt(digits[3]!, 16));
  if (saturation < MIN_SATURATION || lightness > MAX_LIGHTNESS || lightness < MIN_LIGHTNESS) return null;
  if (hue < 20 || hue >= 340) return "red";
  if (hue < 70) return "amber";
  if (hue < 170) return "green";
  return null;
}
