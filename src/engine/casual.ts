import { MONTHS } from '../extract/lexicon.js';

/**
 * Chat spellings people type in Discord ("whos", "wat", "r", "ppl", "rn"), read as the English they stand
 * for before a question is analysed. General English chat usage, not words of any article.
 */
const CHAT_FORMS: Readonly<Record<string, string>> = {
  whos: 'who is',
  whats: 'what is',
  wheres: 'where is',
  whens: 'when is',
  hows: 'how is',
  wat: 'what',
  wut: 'what',
  wht: 'what',
  wen: 'when',
  wher: 'where',
  hw: 'how',
  r: 'are',
  u: 'you',
  ur: 'your',
  ppl: 'people',
  ppls: 'people',
  rn: 'right now',
  atm: 'at the moment',
  nite: 'night',
  tonite: 'tonight',
  thru: 'through',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  abt: 'about',
  pls: 'please',
  plz: 'please',
  govt: 'government',
  gov: 'government',
  intl: 'international',
  // Newsroom abbreviations of offices: "the MoD", "the MFA", "the PM".
  mod: 'defence ministry',
  mfa: 'foreign ministry',
  pm: 'prime minister',
  fm: 'foreign minister',
  pres: 'president',
  mil: 'military',
  dept: 'department',
  // Chat short forms of who is counted and who counts: "civ casualties", "the govts said".
  civ: 'civilian',
  civs: 'civilians',
  govts: 'governments',
  w: 'with',
  n: 'and',
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'got to',
  tho: 'though',
  bout: 'about',
  guys: 'people',
  folks: 'people',
  // Country abbreviations chat uses for the sides: "ukr drones", "the ru side".
  ukr: 'Ukrainian',
  rus: 'Russian',
  ru: 'Russia',
  // Weekdays as chat shortens them ("did it end wed or thurs"); "sat" and "sun" are words of their own.
  mon: 'Monday',
  tue: 'Tuesday',
  tues: 'Tuesday',
  wed: 'Wednesday',
  weds: 'Wednesday',
  thu: 'Thursday',
  thur: 'Thursday',
  thurs: 'Thursday',
  fri: 'Friday',
  yr: 'year',
  yrs: 'years',
  hr: 'hour',
  hrs: 'hours',
  mins: 'minutes',
  b4: 'before',
  '2day': 'today',
  yday: 'yesterday',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  approx: 'approximately',
  sq: 'square',
  hq: 'headquarters',
  num: 'number',
  im: "I'm",
  dont: "don't",
  didnt: "didn't",
  doesnt: "doesn't",
  isnt: "isn't",
  wasnt: "wasn't",
  arent: "aren't",
  werent: "weren't",
  hasnt: "hasn't",
  havent: "haven't",
  cant: "can't",
  wont: "won't",
};

/** "acc to", "acc. to", "acording to", "accd to": chat's "according to". */
const ACCORDING = /\b(?:acc|accd|acc\.|acording|accoring|accordin)\s*to\b/gi;

/** Interjections that open a chat message and ask nothing ("yo", "hey", "ok so"). */
const OPENERS =
  /^(?:(?:yo|hey|hi|hello|ok|okay|so|wait|um+|uh+|pls|please|quick q(?:uestion)?|q|any idea|do (?:you|u) know|can (?:you|u) tell me|tell me|i wonder)\b[\s,:!-]*)+/i;
/** Chat fillers that ask nothing wherever they stand ("who actually leads …", "… lol"). */
const FILLERS = /\s*\b(?:actually|really|basically|lol|lmao|tbh|idk|pls|please)\b/gi;

/** "Right now", "at the moment": the time of asking, which every report already is as of. */
const TIME_OF_ASKING = /\s*\b(?:right now|at the moment|as of (?:now|today)|these days|nowadays)\b/gi;

export function normaliseChat(question: string): string {
  const words = question
    .replace(ACCORDING, 'according to')
    .replace(OPENERS, '')
    .replace(FILLERS, '')
    .replace(/([?!])\1+/g, '$1')
    .replace(/\bw\/o\b/gi, 'without');
  const expanded = words.replace(/\b[\p{L}\d]+\b/gu, (w) => {
    const form = CHAT_FORMS[w.toLowerCase()];
    if (form === undefined) return w;
    // "U.S." or a capitalised "W" as an initial stay as written.
    if (w.length === 1 && w === w.toUpperCase() && w !== 'I') return w;
    return form;
  });
  const cased = expanded
    .replace(/\b(the|a|an)\s+us\b/gi, '$1 US')
    .replace(/\bu\.s\.?(?![a-z])/gi, 'U.S.')
    .replace(/\bu\.n\.?(?![a-z])/gi, 'U.N.')
    .replace(LOWER_ACRONYMS, (w) => w.toUpperCase());
  // "55k", "1.2m": thousands and millions as chat writes them.
  const counted = cased.replace(/\b(\d+(?:\.\d+)?)([km])\b/gi, (_m, n: string, unit: string) =>
    Math.round(Number(n) * (unit.toLowerCase() === 'k' ? 1_000 : 1_000_000)).toLocaleString('en-US'),
  );
  // "how much $": a currency sign standing for the word.
  const money = counted.replace(/(^|\s)[$€£](?=\s|$|\?)/g, '$1money');
  const months = money.replace(MONTH_ABBREVIATION, (_m, short: string) => monthOf(short));
  const ordered = months
    .replace(NUMBERED, (_m, noun: string, n: string) => `${ORDINAL_OF[n.toLowerCase()]} ${noun}`)
    .replace(SUFFIXED, (m, n: string, next: string) => (MONTH_NEAR.test(next) ? m : `${ORDINAL_OF[n]} ${next}`));
  return ordered.replace(TIME_OF_ASKING, '').trim() || ordered;
}

/** Months as news and chat shorten them ("the jan dead", "Feb. 7", "dec to jan"); "may" is a word of its own. */
const MONTH_ABBREVIATION = /\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?(?=\s|$|[,?!;:])/gi;
/** The month an abbreviation stands for, as news writes it ("sept" → "September"). */
function monthOf(short: string): string {
  const name = MONTHS.find((m) => m.startsWith(short.toLowerCase())) ?? short;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * "the 2nd swap", "3rd istanbul meeting": ordinals before a word, written out as news writes them — not in
 * a date ("Feb 4th", "the 4th of February"), which the date reader reads as it is.
 */
const SUFFIXED =
  /(?<!\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\p{L}*\.?\s+)\b([1-5])(?:st|nd|rd|th)\s+(\p{L}+)/giu;
const MONTH_NEAR = /^(?:of|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\p{L}*$/iu;
/** "day two", "round 3": news writes "the second day", "the third round". */
const NUMBERED = /\b(day|round|session|stage|phase|week)\s+(one|two|three|four|five|[1-5])\b(?![.,]\d)/gi;
const ORDINAL_OF: Record<string, string> = {
  one: 'first',
  two: 'second',
  three: 'third',
  four: 'fourth',
  five: 'fifth',
  '1': 'first',
  '2': 'second',
  '3': 'third',
  '4': 'fourth',
  '5': 'fifth',
};

/** Acronyms typed in lower case ("nato", "the eu", "uae"): names, read as written in capitals. */
const LOWER_ACRONYMS = /\b(?:nato|uae|eu|uk|un|usa|nsdc|osce|iaea)\b/g;
