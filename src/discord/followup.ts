/**
 * Follow-up questions: a reply to one of the bot's answers ("and Russia?", "what about the wounded?")
 * is read with the earlier question as its context. Elliptical follow-ups swap the side, the
 * measure or the group counted into the earlier question; anything else is asked as it is.
 */

/** Words that mark a follow-up as leaning on the earlier question. */
const LEAD =
  /^(?:and|also|but|so|then|what about|how about|and what about|and how about|and for|what of|same for)\b[\s,]*/i;

interface Slot {
  /** Matches the slot in a question. */
  pattern: RegExp;
  /** Values a follow-up may name, each with how it reads in a question. */
  values: { match: RegExp; text: string }[];
}

const SIDES: Slot = {
  pattern: /\b(?:Ukrainian|Ukraine's|Ukraine’s|Ukraine|Russian|Russia's|Russia’s|Russia)\b/,
  values: [
    { match: /\b(?:ukrain\w*|kyiv)\b/i, text: 'Ukrainian' },
    { match: /\b(?:russia\w*|moscow)\b/i, text: 'Russian' },
  ],
};

const GROUPS: Slot = {
  pattern: /\b(?:soldiers|troops|servicemen|civilians|children|prisoners)\b/i,
  values: [
    { match: /\bcivilians?\b/i, text: 'civilians' },
    { match: /\bchildren\b/i, text: 'children' },
    { match: /\b(?:soldiers?|troops|servicemen|military)\b/i, text: 'soldiers' },
  ],
};

const MEASURES: Slot = {
  pattern: /\b(?:killed|wounded|injured|missing|captured|died|dead)\b/i,
  values: [
    { match: /\b(?:wounded|injured|injuries)\b/i, text: 'wounded' },
    { match: /\bmissing\b/i, text: 'missing' },
    { match: /\b(?:killed|dead|deaths|died)\b/i, text: 'killed' },
    { match: /\bcaptured\b/i, text: 'captured' },
  ],
};

/** Whether a reply leans on the earlier question (starts with "and …", or is a few words without a question word). */
export function isElliptical(followUp: string): boolean {
  const t = followUp.trim();
  if (LEAD.test(t)) return true;
  const words = t
    .replace(/[?!.]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  return words.length <= 3 && !/^(?:who|what|when|where|why|how|which|is|are|did|does|do|was|were|will|can)\b/i.test(t);
}

function swap(question: string, followUp: string, slot: Slot): string | null {
  const value = slot.values.find((v) => v.match.test(followUp));
  if (!value || !slot.pattern.test(question)) return null;
  const current = slot.pattern.exec(question)?.[0] ?? '';
  // "Ukraine's" / "Russia" as a noun keep their form; adjectives become the other adjective.
  let text = value.text;
  if (slot === SIDES && !/ian$/i.test(current)) text = text === 'Ukrainian' ? 'Ukraine' : 'Russia';
  if (slot === SIDES && /['’]s$/.test(current)) text += current.slice(-2);
  return question.replace(slot.pattern, text);
}

/**
 * The question to ask for a reply to an earlier answer: the earlier question with what the follow-up
 * names swapped in ("How many Ukrainian soldiers were killed?" + "and Russia?" → "How many Russian
 * soldiers were killed?"), or the follow-up itself when it stands on its own.
 */
export function followUpQuestion(previous: string, followUp: string): string {
  const reply = followUp.trim();
  if (!previous.trim() || !isElliptical(reply)) return reply;
  const rest = reply.replace(LEAD, '');
  let question = previous.trim();
  let changed = false;
  for (const slot of [SIDES, GROUPS, MEASURES]) {
    const swapped = swap(question, rest, slot);
    if (swapped && swapped !== question) {
      question = swapped;
      changed = true;
    } else if (swapped === question) changed = true;
  }
  if (changed) return question;
  // Nothing to swap: the follow-up is added to the earlier question as context.
  return `${previous.trim().replace(/[?.!]+$/, '')}, ${rest.replace(/[?.!]+$/, '')}?`;
}
