/**
 * Question forms that are not a plain "what/who/how many": yes/no questions, either-or choices,
 * "besides X" exclusions, "how many of the X were Y" subsets and "the lowest/highest figure"
 * superlatives. Each is recognised from the shape of English questions, then answered from the same
 * scored sentences as any other question — the form only decides how the answer is read and worded.
 */

/** Auxiliaries that open a yes/no question ("Did …", "Is …", "Has …"). */
const POLAR_OPENERS =
  /^(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could|should|isn't|aren't|wasn't|weren't|didn't|doesn't|don't|hasn't|haven't)\b/i;
/** "Can you tell me …", "Do you know …": a polite frame around a wh-question, not a yes/no question. */
const POLITE_FRAME = /^(?:can|could|would|will|do|did) (?:you|u|anyone|somebody|someone)\b/i;
const WH_WORD = /\b(?:who|whom|whose|what|which|when|where|why|how)\b/i;
const NEGATED_OPENER = /^\w+n['’]t\b/i;

/** Words that exclude what follows them from the answer ("besides Anna Berg and Tom Ilves, who …"). */
const EXCLUDERS = /\b(?:besides|apart from|aside from|other than|except(?: for)?|in addition to|not counting)\s+/i;

export interface PolarForm {
  /** The question without its opening auxiliary, for scoring sentences. */
  statement: string;
  /** "Didn't …": the answer's yes and no are the same, but the statement asked about is negated. */
  negated: boolean;
}

export interface ChoiceForm {
  /** The options as written ("Blair House", "Camp David"). */
  options: string[];
}

export type Superlative = 'lowest' | 'highest';

/** A yes/no question, or null. "Was a NATO commander at the talks, and who?" asks for a name, not yes/no. */
export function polarForm(question: string): PolarForm | null {
  const q = question.trim();
  if (!POLAR_OPENERS.test(q) || POLITE_FRAME.test(q)) return null;
  if (WH_WORD.test(q.replace(POLAR_OPENERS, ''))) return null;
  if (choiceForm(q)) return null;
  return { statement: q.replace(POLAR_OPENERS, '').trim(), negated: NEGATED_OPENER.test(q) };
}

/**
 * "Was it 314 or 157?", "held at Blair House or Camp David?": two options joined by "or", each a
 * number or a capitalised name (a common-word "or" — "killed or wounded" — asks no choice).
 */
/** Numbers written as words ("fifteen or sixteen"), options as much as digits are. */
const NUMBER_WORDS = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b`;

export function choiceForm(question: string): ChoiceForm | null {
  const option = String.raw`(?:(?:the )?\p{Lu}[\p{L}'’.-]*(?: (?:of |de |al[- ])?\p{Lu}[\p{L}'’.-]*){0,3}|\d[\d,.]*(?: (?:million|thousand|billion))?|${NUMBER_WORDS}(?:[- ]${NUMBER_WORDS})*)`;
  const m = new RegExp(`(${option})(?: (\\p{Ll}+))?,? or (${option})`, 'u').exec(question);
  if (!m?.[1] || !m[3]) return null;
  const clean = (s: string) => s.replace(/^the /, '').trim();
  // "rescued in Varna nine or ten years old": the word before "or" is the first option when it is a
  // number, not the name before it.
  const first = m[2] && new RegExp(`^${NUMBER_WORDS}$`, 'u').test(m[2]) ? m[2] : m[1];
  const options = [clean(first), clean(m[3])];
  if (options[0]?.toLowerCase() === options[1]?.toLowerCase()) return null;
  return { options };
}

/** The names a question rules out ("Besides Anna Berg, which officer …" → ["Anna Berg"]). */
export function exclusions(question: string): string[] {
  const m = EXCLUDERS.exec(question);
  if (!m) return [];
  const rest = question.slice(m.index + m[0].length);
  // The excluded phrase runs to the next comma or clause word ("…, which", "… who", "… did").
  const phrase = rest.split(/,|\?|\b(?:which|who|what|how|did|does|do|was|were|is|are)\b/i)[0] ?? '';
  return phrase
    .split(/\band\b|&/)
    .map((p) => p.trim())
    .filter((p) => /\p{Lu}/u.test(p) || /\d/.test(p));
}

/** Where the noun phrase after "any" ends: a preposition, an adverb of time, a participle or a relative word. */
const PHRASE_END =
  /^(?:among|in|on|at|of|from|inside|under|near|during|after|before|since|between|with|still|also|already|yet|ever|who|that|which|left|hurt|\w{3,}ed|taken|held|stuck)$/i;

/**
 * "Were any civilians among those freed?", "Was anyone hurt in Varna?", "Were there any casualties?":
 * whether any were is answered by how many were. The count question, or null when the question is not
 * of this form.
 */
export function existentialCount(question: string): string | null {
  const m = /^(was|were|is|are|has|have)\s+(there\s+)?(?:(any(?:one|body)?)\b\s*)(.*?)\s*\??$/i.exec(question.trim());
  if (!m?.[1] || !m[3]) return null;
  const aux = /^(?:is|are)$/i.test(m[1]) ? 'are' : /^ha/i.test(m[1]) ? 'have' : 'were';
  const there = m[2] ? ' there' : '';
  const words = (m[4] ?? '').split(/\s+/).filter(Boolean);
  if (/^any$/i.test(m[3])) {
    const end = words.findIndex((w) => PHRASE_END.test(w));
    const phrase = words.slice(0, end < 0 ? words.length : end);
    if (phrase.length === 0 || phrase.length > 3) return null;
    const rest = words.slice(phrase.length).join(' ');
    return `How many ${phrase.join(' ')} ${aux}${there}${rest ? ` ${rest}` : ''}?`;
  }
  // "anyone", "anybody": people.
  if (words.length === 0) return null;
  return `How many people ${aux}${there} ${words.join(' ')}?`;
}

/**
 * "How many of the people killed in the strike were children?" → "How many children were among the people
 * killed in the strike?": the subset is what is counted, the rest is where to find it.
 */
export function subsetRewrite(question: string): string | null {
  const m = /^(.*?\bhow many) of (?:the |those |these |them\b)(.*?) (?:were|are|was|is) (\p{L}[\p{L} -]*?)\??$/iu.exec(
    question.trim(),
  );
  if (!m?.[1] || !m[3]) return null;
  const where = m[2]?.trim() ?? '';
  return `${m[1]} ${m[3]} were among ${where ? `the ${where}` : 'them'}?`;
}

const SUPERLATIVE_WORDS =
  /\b(?:lowest|smallest|fewest|least|minimum|most conservative|highest|largest|biggest|greatest|maximum)\b/gi;

/** "the latest", "the most recent": the last report is asked for (see `asksLatest`). */
const LATEST_WORDS = /\b(?:latest|newest|most recent)\b/gi;
/** "What's the latest on the Varna toll?": what follows is what is asked about. */
const LATEST_ON = /\bthe\s+(?:latest|newest|most recent)\s+(?:on|about|regarding|with)\s+(?:the\s+)?/gi;

/** "What's the latest toll?", "how many so far?", "how many now?": the most recent report is asked for. */
export function asksLatest(question: string): boolean {
  return (
    /\b(?:latest|most recent|newest|current|currently|so far|to date|now|updated)\b/i.test(question) ||
    REVISED_REPORT.test(question)
  );
}

/**
 * "What was the first toll?", "what did the governor initially say", "before it went up": the earliest
 * report of a figure is asked for (its first word a report's: "the first round" asks no such thing).
 */
/** What a report gives ("toll", "figure") and how it gives it ("gave", "put"): what "first" asks the earliest of. */
const REPORT_MODIFIER = String.raw`(?:(?:death|casualty|injury|wounded)\s+)?`;
const REPORT_NOUN_WORDS = 'toll|figure|count|number|estimate|tally|report|post|statement|update|bulletin';
const REPORT_NOUNS = `${REPORT_MODIFIER}(?:${REPORT_NOUN_WORDS})`;
const REPORT_VERBS = 'gave|give|said|say|reported|report|put|posted|post|announced|claimed|stated|was|were|stood';
/** "the revised figure", "the corrected account", "the final death toll": the report after the changes. */
const REVISED_REPORT = new RegExp(
  String.raw`\b(?:revised|corrected|amended|final)\s+${REPORT_MODIFIER}(?:${REPORT_NOUN_WORDS}|account|version)s?\b`,
  'i',
);
/**
 * The version of a report a claimant phrase ends with ("the air force's corrected account", "the revised
 * figure", "the board's first tally"): which report, not whose; what is before it names whose.
 */
const VERSION_OF_REPORT = new RegExp(
  String.raw`(?:^|\s)(?:the\s+)?(?:revised|corrected|amended|updated|final|latest|newest|later|new|earlier|original|first|initial|previous|preliminary)(?:\s+${REPORT_MODIFIER}(?:${REPORT_NOUN_WORDS}|account|version|data)s?)?$`,
  'i',
);
/** "…, before it went up", "before the later updates": the report before a change. */
const BEFORE_CHANGE =
  'before (?:it|they|the (?:toll|figure|count|number)) (?:went up|rose|was raised|were raised|climbed|increased|changed|was revised|was updated)|before the later updates?';

const EARLIEST = new RegExp(
  String.raw`\b(?:(?:first|initial|earliest|original|early)\s+${REPORT_NOUNS}s?|(?:first|initially|originally|at first)\s+(?:${REPORT_VERBS})|${BEFORE_CHANGE})\b`,
  'i',
);

export function asksEarliest(question: string): boolean {
  return EARLIEST.test(question);
}

/** The word that asks for the earliest report ("the first toll", "initially said"): a form word. */
const EARLIEST_WORD = new RegExp(
  String.raw`\b(?:first|initial|initially|originally|earliest|original|at first)\b(?=\s+${REPORT_MODIFIER}(?:${REPORT_NOUN_WORDS}|${REPORT_VERBS})\b)`,
  'gi',
);
/** The report-before-a-change phrase as a form word, with the comma before it. */
const BEFORE_CHANGE_WORDS = new RegExp(String.raw`,?\s*(?:${BEFORE_CHANGE})\b`, 'gi');

/** The question without the words of its form: the exclusion phrase, superlatives, "the latest". */
export function withoutFormWords(question: string): string {
  let q = question;
  const m = EXCLUDERS.exec(q);
  if (m) {
    const rest = q.slice(m.index + m[0].length);
    const end = rest.search(/,|\b(?:which|who|what|how|did|does|do|was|were|is|are)\b/i);
    // The names ruled out stay as words to find: "besides X" says X did it too, so the sentence that
    // answers is likely to name X beside the answer (answers naming X are excluded, see `exclusions`).
    const named = end >= 0 ? rest.slice(0, end).trim() : '';
    q = `${q.slice(0, m.index)}${end >= 0 ? rest.slice(end).replace(/^,\s*/, '') : ''}`;
    if (named) q = `${q.replace(/\?\s*$/, '')} with ${named}?`;
  }
  const stripped = q
    .replace(BEFORE_CHANGE_WORDS, ' ')
    .replace(EARLIEST_WORD, ' ')
    .replace(LATEST_ON, ' the ')
    .replace(LATEST_WORDS, ' ')
    .replace(SUPERLATIVE_WORDS, ' ')
    .replace(/\b(which|what|name|list)\s+(?:the\s+)?(?:both|two|three|four|five)\b/i, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return stripped || question;
}

/** "the lowest figure", "the highest estimate", "the smallest number": which end of the figures is wanted. */
export function superlative(question: string): Superlative | null {
  if (/\b(?:lowest|smallest|fewest|least|minimum|most conservative)\b/i.test(question)) return 'lowest';
  if (/\b(?:highest|largest|biggest|greatest|maximum)\b/i.test(question)) return 'highest';
  return null;
}

/**
 * Whose word the question asks for: "according to Moscow", "according to the regional governor",
 * "did Ukraine's air force say", "What number did X give …" — or null.
 */
export function askedClaimant(question: string): string | null {
  const phrase = claimantPhrase(question);
  if (!phrase) return null;
  // "according to the revised figure": no one; "the air force's corrected account": the air force.
  const version = VERSION_OF_REPORT.exec(phrase);
  const claimant = version
    ? phrase
        .slice(0, version.index)
        .replace(/['’]s?$/, '')
        .trim()
    : phrase;
  if (!claimant) return null;
  const words = claimant.split(/\s+/);
  if (!PUBLICATION.test(words.at(-1) ?? '')) return claimant;
  // "according to the UN report", "per the ministry's statement": whoever published it is the claimant;
  // "per the wiki entry", "according to the podcast": the article itself, not someone it quotes.
  const owner = words
    .slice(0, -1)
    .join(' ')
    .replace(/['’]s?$/, '');
  // ("the UPDATE 2 wire story": a numbered label names the version, not who published it.)
  const named = owner.replace(/\b\p{Lu}+\s+\d+\b/gu, '');
  return /\p{Lu}/u.test(named) || /['’]s?$/.test(words.at(-2) ?? '') ? owner || null : null;
}

/** Kinds of publication: "according to the article" names the source, not a claimant. */
const PUBLICATION_WORDS =
  'entry|note|article|story|piece|report|column|op-?ed|editorial|podcast|episode|show|broadcast|newscast|bulletin|newsletter|digest|explainer|listicle|profile|interview|transcript|record|script|segment|programme|program|blog|live-?blog|diary|essay|factbox|feature|assessment|analysis|review|roundup|recap|summary|brief|briefing|readout|statement|release|wire|dispatch|gallery|captions?|photo essay|timeline|tick-?tock|thread|page|post|site|paper|outlet|news';
const PUBLICATION = new RegExp(`^(?:${PUBLICATION_WORDS})$`, 'i');

/**
 * Words that say which article, not what it reports: "according to the listicle,", "in the evening news
 * broadcast", "(quoted) on the podcast" — the kind of publication, with lower-case words before it. A named
 * publisher ("the UN report", "the ministry's statement") is a claimant and stays.
 */
const ARTICLE_REFERENCE = new RegExp(
  String.raw`,?\s*(?:\b(?:quoted|cited|interviewed|featured|mentioned|heard|seen)\s+)?\b(?:[Aa]ccording to|[Pp]er|[Ii]n|[Oo]n|[Ff]rom)\s+(?:[Tt]he|[Tt]his|[Tt]hat|today['’]s|tonight['’]s)\s+(?:[\p{Ll}-]+\s+){0,3}(?:${PUBLICATION_WORDS})s?\b(?!['’])(?:\s*,)?`,
  'gu',
);

/** The question without the words that only say which article it is about. */
export function withoutArticleReference(question: string): string {
  const q = question.replace(ARTICLE_REFERENCE, ' ');
  if (q === question) return question;
  const tidy = q
    .replace(/\s+([?,.])/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,]+/, '')
    .trim();
  return /\p{L}/u.test(tidy) ? tidy : question;
}

/** Where a claimant written without a comma ends: at the question's own words ("per X how many …"). */
const CLAUSE_START = String.raw`(?=\s+(?:how|what|who|whom|whose|when|where|which|why|did|does|do|is|are|was|were|has|have)\b)`;

function claimantPhrase(question: string): string | null {
  const according = new RegExp(
    String.raw`\baccording to (?:the )?([^,?;]+?)(?:[,?;]|$| in \d| on | as of |${CLAUSE_START})`,
    'i',
  ).exec(question);
  if (according?.[1]) return according[1].trim();
  // "… per csis", "per the UN": chat's "according to" (not "per side", "per day", "per cent").
  const per = new RegExp(
    String.raw`\bper (?!(?:the )?(?:side|country|party|day|week|month|year|cent|capita|person|head|hour|night|round|interview|article|report|analysis|column|story|piece|blog|explainer|sources?)\b)(?:the )?([^,?;]+?)\s*(?:figures|data|numbers|estimates?)?\s*(?:[,?;]|$|${CLAUSE_START})`,
    'i',
  ).exec(question);
  if (per?.[1]) return per[1].trim();
  const said =
    /\b(?:did|does|do|has|have) (?:the )?((?:(?:\p{Lu}|(?=\p{Ll}+\s+(?:[\p{L}'’.-]+\s+){0,2}(?:ministry|office|agency|army|government|command|mission|service|council)\b))[\p{L}'’.-]*(?:['’]s)?\s?)(?:[\p{L}'’.-]+\s){0,3}?)(?:(?:first|initially|originally|later|also|then|ever|just|finally|now)\s+)?(?:say|said|claim|report|estimate|put|give|count|tell|announce)\b/u.exec(
      question,
    );
  return said?.[1]?.trim() || null;
}

/** Nouns for what someone does: "what is X's job", "what post does X hold". */
const ROLE_NOUNS = '(?:job|role|position|title|post|occupation|profession|function|rank)';

/**
 * Questions about someone's role, however worded, as "Who is X?": "What's X's job?", "What job does X
 * hold?", "What does X do?", "Who is X to Y?" (the relation is the role the sources give X).
 */
export function roleRewrite(question: string): string | null {
  const q = question.trim().replace(/\?+$/, '');
  const patterns = [
    new RegExp(`^what(?:'s|’s| is| was)\\s+(?:the\\s+)?(.+?)['’]s?\\s+${ROLE_NOUNS}$`, 'iu'),
    new RegExp(`^what(?:'s|’s| is| was)\\s+the\\s+${ROLE_NOUNS}\\s+of\\s+(.+)$`, 'iu'),
    new RegExp(`^what\\s+${ROLE_NOUNS}\\s+(?:does|did|do)\\s+(.+?)\\s+(?:hold|have|has|do|play)$`, 'iu'),
    /^what\s+(?:does|did)\s+(.+?)\s+do(?:\s+for\s+(?:a\s+)?(?:living|work))?$/iu,
    /^who\s+(?:is|was)\s+(.+?)\s+to\s+.+$/iu,
  ];
  for (const re of patterns) {
    const name = re.exec(q)?.[1]?.trim();
    if (name && name.split(/\s+/).length <= 5) return `Who is ${name}?`;
  }
  return null;
}

/**
 * Questions about what someone called something, however worded, as "What did X call Y?": "What nickname
 * did X give Y?", "What name did X use for Y?", "What term did X coin for Y?", "What did X dub Y?".
 */
export function callRewrite(question: string): string | null {
  const q = question.trim().replace(/\?+$/, '');
  const m =
    /^what\s+(?:nickname|name|label|term|word|phrase|moniker)s?\s+(?:did|does|do|has|have)\s+(.+?)\s+(?:give|gave|use|used|coin|coined|have)\s+(?:for\s+)?(.+)$/iu.exec(
      q,
    ) ??
    /^what\s+(?:did|does|do|has|have)\s+(.+?)\s+(?:dub|dubbed|nickname|nicknamed|label|labelled|labeled)\s+(.+)$/iu.exec(
      q,
    );
  const [, who, what] = m ?? [];
  // "What phrase did X use to describe Y?" asks for the words X used: answered as it stands.
  if (!who || !what || /^to\s/i.test(what)) return null;
  return `What did ${who} call ${what}?`;
}

const COUNT_WORDS: Readonly<Record<string, number>> = { both: 2, two: 2, three: 3, four: 4, five: 5 };

/** "Which two countries …", "Name the three envoys", "Who were both …": how many names are asked for. */
export function askedMany(question: string): number | null {
  const m = /\b(?:which|what|name|list|who were|who are)\s+(?:the\s+|all\s+)?(both|two|three|four|five)\b/i.exec(
    question,
  );
  if (m?.[1]) return COUNT_WORDS[m[1].toLowerCase()] ?? null;
  // "Which countries asked for the session?": as many as the answering sentence names.
  return PLURAL_ASKED.test(question) ? MANY_NAMED : null;
}

/** "Which countries …", "what officials …": names asked for in the plural, without a number. */
const PLURAL_ASKED =
  /\b(?:which|what)\s+(?:\p{L}+\s+)?(?:countries|nations|states|cities|towns|villages|regions|officials|leaders|members|parties|organi[sz]ations|governments|ministers|envoys|delegates|negotiators|settlements)\b/iu;
/** At most this many names answer a plural question. */
const MANY_NAMED = 5;

/** "How many of the 314 prisoners were …": the whole a subset is part of, when the question gives it. */
export function subsetWhole(question: string): number | null {
  const m = /\bhow many of (?:the|those|these)\s+(\d[\d,]*)\b/i.exec(question);
  return m?.[1] ? Number(m[1].replace(/,/g, '')) : null;
}
