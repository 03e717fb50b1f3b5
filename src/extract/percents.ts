/** Percents written with a sign or with the lexicons' words ("60 pour cent", "60 بالمائة"). */
import { findPercents as findPercentSigns, parsePercentValue as parsePercentSigns } from "../text/percent.js";
import { PERCENT_WORDS } from "./lexicon/index.js";

export const findPercents = (text: string) => findPercentSigns(text, PERCENT_WORDS);
export const parsePercentValue = (text: string) => parsePercentSigns(text, PERCENT_WORDS);

