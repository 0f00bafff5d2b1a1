/**
 * Generic English and world-knowledge word lists used by the extractors. Nothing here names a person,
 * figure or outcome of any article: only closed-class words, role nouns, casualty vocabulary and a
 * gazetteer of countries (name, demonym, capitals and common short forms).
 */

export interface Country {
  name: string;
  demonym: string;
  /** Other ways the text refers to the country or its government: short forms, capitals, seats of power. */
  aliases: readonly string[];
}

/** Countries and blocs. Capitals are aliases because news text uses them for governments ("Moscow insists"). */
export const COUNTRIES: readonly Country[] = [
  { name: 'Ukraine', demonym: 'Ukrainian', aliases: ['Kyiv', 'Kiev'] },
  { name: 'Russia', demonym: 'Russian', aliases: ['Moscow', 'Kremlin', 'Russian Federation'] },
  {
    name: 'United States',
    demonym: 'American',
    aliases: ['U.S.', 'US', 'USA', 'U.S.A.', 'America', 'Washington', 'White House', 'United States of America'],
  },
  { name: 'United Kingdom', demonym: 'British', aliases: ['UK', 'U.K.', 'Britain', 'Great Britain', 'London'] },
  { name: 'France', demonym: 'French', aliases: ['Paris'] },
  { name: 'Germany', demonym: 'German', aliases: ['Berlin'] },
  { name: 'Poland', demonym: 'Polish', aliases: ['Warsaw'] },
  { name: 'Estonia', demonym: 'Estonian', aliases: ['Tallinn'] },
  { name: 'Latvia', demonym: 'Latvian', aliases: ['Riga'] },
  { name: 'Lithuania', demonym: 'Lithuanian', aliases: ['Vilnius'] },
  { name: 'Belarus', demonym: 'Belarusian', aliases: ['Minsk'] },
  { name: 'Moldova', demonym: 'Moldovan', aliases: ['Chisinau'] },
  { name: 'Georgia', demonym: 'Georgian', aliases: ['Tbilisi'] },
  { name: 'Armenia', demonym: 'Armenian', aliases: ['Yerevan'] },
  { name: 'Azerbaijan', demonym: 'Azerbaijani', aliases: ['Baku'] },
  { name: 'Turkey', demonym: 'Turkish', aliases: ['Türkiye', 'Ankara', 'Istanbul'] },
  { name: 'Finland', demonym: 'Finnish', aliases: ['Helsinki'] },
  { name: 'Sweden', demonym: 'Swedish', aliases: ['Stockholm'] },
  { name: 'Norway', demonym: 'Norwegian', aliases: ['Oslo'] },
  { name: 'Denmark', demonym: 'Danish', aliases: ['Copenhagen'] },
  { name: 'Netherlands', demonym: 'Dutch', aliases: ['Amsterdam', 'The Hague'] },
  { name: 'Belgium', demonym: 'Belgian', aliases: ['Brussels'] },
  { name: 'Switzerland', demonym: 'Swiss', aliases: ['Bern', 'Geneva'] },
  { name: 'Austria', demonym: 'Austrian', aliases: ['Vienna'] },
  { name: 'Italy', demonym: 'Italian', aliases: ['Rome'] },
  { name: 'Spain', demonym: 'Spanish', aliases: ['Madrid'] },
  { name: 'Hungary', demonym: 'Hungarian', aliases: ['Budapest'] },
  { name: 'Romania', demonym: 'Romanian', aliases: ['Bucharest'] },
  { name: 'Slovakia', demonym: 'Slovak', aliases: ['Bratislava'] },
  { name: 'Czech Republic', demonym: 'Czech', aliases: ['Prague', 'Czechia'] },
  { name: 'Serbia', demonym: 'Serbian', aliases: ['Belgrade'] },
  { name: 'Israel', demonym: 'Israeli', aliases: ['Jerusalem', 'Tel Aviv'] },
  { name: 'Palestinian territories', demonym: 'Palestinian', aliases: ['Gaza', 'West Bank', 'Palestine'] },
  { name: 'Lebanon', demonym: 'Lebanese', aliases: ['Beirut'] },
  { name: 'Syria', demonym: 'Syrian', aliases: ['Damascus'] },
  { name: 'Iraq', demonym: 'Iraqi', aliases: ['Baghdad'] },
  { name: 'Iran', demonym: 'Iranian', aliases: ['Tehran'] },
  { name: 'Yemen', demonym: 'Yemeni', aliases: ['Sanaa'] },
  { name: 'Saudi Arabia', demonym: 'Saudi', aliases: ['Riyadh'] },
  { name: 'United Arab Emirates', demonym: 'Emirati', aliases: ['UAE', 'U.A.E.', 'Abu Dhabi', 'Dubai'] },
  { name: 'Qatar', demonym: 'Qatari', aliases: ['Doha'] },
  { name: 'Egypt', demonym: 'Egyptian', aliases: ['Cairo'] },
  { name: 'Libya', demonym: 'Libyan', aliases: ['Tripoli'] },
  { name: 'Sudan', demonym: 'Sudanese', aliases: ['Khartoum'] },
  { name: 'South Sudan', demonym: 'South Sudanese', aliases: ['Juba'] },
  { name: 'Ethiopia', demonym: 'Ethiopian', aliases: ['Addis Ababa'] },
  { name: 'Eritrea', demonym: 'Eritrean', aliases: ['Asmara'] },
  { name: 'Somalia', demonym: 'Somali', aliases: ['Mogadishu'] },
  { name: 'Kenya', demonym: 'Kenyan', aliases: ['Nairobi'] },
  { name: 'Nigeria', demonym: 'Nigerian', aliases: ['Abuja'] },
  { name: 'Mali', demonym: 'Malian', aliases: ['Bamako'] },
  { name: 'Democratic Republic of Congo', demonym: 'Congolese', aliases: ['Congo', 'DRC', 'Kinshasa'] },
  { name: 'Rwanda', demonym: 'Rwandan', aliases: ['Kigali'] },
  { name: 'Afghanistan', demonym: 'Afghan', aliases: ['Kabul'] },
  { name: 'Pakistan', demonym: 'Pakistani', aliases: ['Islamabad'] },
  { name: 'India', demonym: 'Indian', aliases: ['New Delhi', 'Delhi'] },
  { name: 'China', demonym: 'Chinese', aliases: ['Beijing'] },
  { name: 'Japan', demonym: 'Japanese', aliases: ['Tokyo'] },
  { name: 'North Korea', demonym: 'North Korean', aliases: ['Pyongyang'] },
  { name: 'South Korea', demonym: 'South Korean', aliases: ['Seoul'] },
  { name: 'Myanmar', demonym: 'Myanmar', aliases: ['Burma', 'Naypyitaw'] },
  { name: 'Canada', demonym: 'Canadian', aliases: ['Ottawa'] },
  { name: 'Mexico', demonym: 'Mexican', aliases: ['Mexico City'] },
  { name: 'Colombia', demonym: 'Colombian', aliases: ['Bogota'] },
  { name: 'Venezuela', demonym: 'Venezuelan', aliases: ['Caracas'] },
  { name: 'Brazil', demonym: 'Brazilian', aliases: ['Brasilia'] },
  { name: 'NATO', demonym: 'NATO', aliases: ['North Atlantic Treaty Organization'] },
  { name: 'European Union', demonym: 'European', aliases: ['EU', 'E.U.'] },
  { name: 'United Nations', demonym: 'U.N.', aliases: ['UN', 'U.N.'] },
];

const COUNTRY_BY_WORD = new Map<string, Country>();
for (const c of COUNTRIES) {
  for (const w of [c.name, c.demonym, ...c.aliases]) COUNTRY_BY_WORD.set(w.toLowerCase(), c);
}

/** The country a name, demonym, capital or short form refers to ("Kyiv" → Ukraine, "Russia's" → Russia). */
export function countryOf(word: string): Country | undefined {
  const hit = COUNTRY_CACHE.get(word);
  if (hit !== undefined) return hit ?? undefined;
  const w = word
    .replace(/['’]s$/i, '')
    .replace(/^the\s+/i, '')
    .toLowerCase();
  const found = COUNTRY_BY_WORD.get(w);
  if (COUNTRY_CACHE.size < 200_000) COUNTRY_CACHE.set(word, found ?? null);
  return found;
}
const COUNTRY_CACHE = new Map<string, Country | null>();

/** Longest gazetteer phrase (up to four words) starting at `words[i]`; returns its length in words. */
export function countryPhraseAt(words: readonly string[], i: number): { country: Country; length: number } | null {
  for (let n = Math.min(4, words.length - i); n >= 1; n--) {
    const phrase = words.slice(i, i + n).join(' ');
    const c = countryOf(phrase);
    if (c) return { country: c, length: n };
  }
  return null;
}

/** Words that begin or join sentences and are capitalized only by position. */
export const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those he she it they we i you his her its their our my your ' +
    'but and or nor so yet however meanwhile additionally also still even though although ' +
    'in on at for from with by as after before while when if since until through during over under ' +
    'there here what who whom whose which where why how ' +
    'some many most all no not neither either both each every any few several more less ' +
    'almost nearly about around approximately roughly just up only last next first second third new ' +
    'according despite amid among between against without within into onto upon ' +
    'one two three four five six seven eight nine ten ' +
    'speaking asked asked following ahead earlier later now then today yesterday tomorrow'
  ).split(' '),
);

/** Role and title nouns: heads of appositions such as "the head of …", "U.S. special envoy …". */
export const ROLE_NOUNS = new Set(
  (
    'president vice-president minister prime chancellor premier king queen prince emir sheikh pope ' +
    'envoy negotiator mediator ambassador diplomat secretary spokesperson spokesman spokeswoman ' +
    'commander general admiral colonel lieutenant major captain officer chief head director chairman chair ' +
    'adviser advisor aide deputy official representative delegate leader mayor governor senator lawmaker ' +
    'son-in-law daughter-in-law son daughter wife husband brother sister founder ceo editor analyst ' +
    'coordinator commissioner rapporteur monitor observer'
  ).split(' '),
);

/** Titles written capitalized before a name ("President", "Mayor", "General", "Adm."). */
export const NAME_TITLES = new Set(
  (
    'president vice prime minister chancellor premier king queen prince emir sheikh pope mayor governor ' +
    'senator sen. rep. representative general gen. admiral adm. colonel col. lieutenant lt. major maj. captain ' +
    'capt. sergeant sgt. commander dr. mr. mrs. ms. prof. professor ambassador secretary envoy special ' +
    'foreign defense defence interior deputy chief supreme former acting first lady sir dame judge justice'
  ).split(' '),
);

/** Words marking a capitalized span as an organisation rather than a person. */
export const ORG_WORDS = new Set(
  (
    'ministry department center centre council mission watch command agency institute office committee ' +
    'commission organization organisation nations union force forces army navy group service services ' +
    'bank fund board court government parliament university foundation tv news times post press network ' +
    'cross society association party studies monitor bureau authority police guard corps assembly ' +
    'administration cabinet staff directorate observatory program programme project initiative coalition ' +
    'alliance federation company corporation inc reuters kremlin pentagon senate congress house embassy ' +
    'red crescent intelligence icrc who unhcr unicef'
  ).split(' '),
);

/* --------------------------------------------------------------- casualty vocabulary */

/** Nouns for counted people, mapped to a population class. */
export const PEOPLE_NOUNS: ReadonlyMap<string, string> = new Map([
  ['soldier', 'soldiers'],
  ['soldiers', 'soldiers'],
  ['troop', 'soldiers'],
  ['troops', 'soldiers'],
  ['serviceman', 'soldiers'],
  ['servicemen', 'soldiers'],
  ['servicemembers', 'soldiers'],
  ['service members', 'soldiers'],
  ['fighters', 'soldiers'],
  ['combatants', 'soldiers'],
  ['personnel', 'soldiers'],
  ['conscripts', 'soldiers'],
  ['marines', 'soldiers'],
  ['sailors', 'soldiers'],
  ['officers', 'soldiers'],
  ['military', 'soldiers'],
  ['forces', 'soldiers'],
  ['civilians', 'civilians'],
  ['civilian', 'civilians'],
  ['residents', 'civilians'],
  ['villagers', 'civilians'],
  ['children', 'children'],
  ['kids', 'children'],
  ['minors', 'children'],
  ['workers', 'civilians'],
  ['journalists', 'civilians'],
  ['medics', 'civilians'],
  ['doctors', 'civilians'],
  ['nurses', 'civilians'],
  ['volunteers', 'civilians'],
  ['refugees', 'civilians'],
  ['migrants', 'civilians'],
  ['people', 'people'],
  ['persons', 'people'],
  ['individuals', 'people'],
  ['adults', 'people'],
  ['respondents', 'people'],
  ['passengers', 'people'],
  ['men', 'people'],
  ['women', 'people'],
  ['prisoners', 'prisoners'],
  ['prisoner', 'prisoners'],
  ['pows', 'prisoners'],
  ['captives', 'prisoners'],
  ['detainees', 'prisoners'],
  ['hostages', 'prisoners'],
]);

/** Adjectives inside a noun phrase that set its population class ("military deaths", "civilian toll"). */
export const CLASS_MODIFIERS: ReadonlyMap<string, string> = new Map([
  ['military', 'soldiers'],
  ['troop', 'soldiers'],
  ['army', 'soldiers'],
  ['battlefield', 'soldiers'],
  ['combat', 'soldiers'],
  ['civilian', 'civilians'],
  ['child', 'children'],
]);

/** Words that measure harm, mapped to the measure they report. */
export const MEASURE_WORDS: ReadonlyMap<string, string> = new Map([
  ['killed', 'killed'],
  ['dead', 'killed'],
  ['deaths', 'killed'],
  ['death', 'killed'],
  ['died', 'killed'],
  ['dying', 'killed'],
  ['die', 'killed'],
  ['fatalities', 'killed'],
  ['perished', 'killed'],
  ['slain', 'killed'],
  ['lost', 'killed'],
  ['wounded', 'wounded'],
  ['injured', 'wounded'],
  ['injuries', 'wounded'],
  ['hurt', 'wounded'],
  ['missing', 'missing'],
  ['disappeared', 'missing'],
  ['casualties', 'casualties'],
  ['losses', 'casualties'],
  ['captured', 'captured'],
  ['abducted', 'captured'],
  ['kidnapped', 'captured'],
]);

/** Words showing that prisoners changed hands (for "prisoners exchanged" / "prisoners released"). */
export const EXCHANGE_WORDS = new Set(['exchange', 'exchanged', 'exchanges', 'swap', 'swapped', 'swaps', 'trade']);
export const RELEASE_WORDS = new Set(['released', 'release', 'freed', 'free', 'returned', 'repatriated']);

/** Nouns that make a demonym the attacker rather than the victim ("Russian drone strikes"). */
export const ATTACK_NOUNS = new Set(
  (
    'drone drones strike strikes attack attacks missile missiles shelling bombing bombardment invasion ' +
    'aggression offensive forces army troops military air defenses defences artillery shells rockets ' +
    'warplanes jets'
  ).split(' '),
);

/** Verbs and nouns of saying, used to attach a claim to who made it. */
export const SAY_VERBS = new Set(
  (
    'said says say told tells added adds estimated estimates estimate reported reports revealed reveals ' +
    'announced announces claimed claims stated put puts cited cites acknowledged acknowledges ' +
    'confirmed confirms noted notes wrote writes disclosed discloses declared declares recorded records ' +
    'counted counts documented documents verified verifies tallied' +
    ' described describes'
  ).split(' '),
);

/** Nouns for a document or statement that carries a claim ("its report", "the same report"). */
export const REPORT_NOUNS = new Set(
  'report reports analysis study survey estimate estimates statement figures figure data tally count assessment review'.split(
    ' ',
  ),
);

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
