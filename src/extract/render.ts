/** Plain-text renderings of the reports for people (CLI, console): headings, items, numbered citations. */
import type { Citation } from '../types.js';
import type { CasualtyConflict, CasualtyFigure, CasualtyReport, TalksBrief, TalksTopic } from './types.js';

function citationLines(citations: readonly Citation[], indent: string): string[] {
  return citations.map((c, i) => `${indent}[${i + 1}] ${c.outlet ?? c.source}: "${c.quote}"`);
}

function corroboration(f: CasualtyFigure, totalSources?: number): string {
  const n = new Set(f.citations.map((c) => c.source)).size;
  const of = totalSources ? ` of ${totalSources}` : '';
  return `reported by ${n}${of} source${n === 1 && !of ? '' : 's'}`;
}

function figureLine(f: CasualtyFigure, totalSources?: number): string {
  const parts = [`${f.measure}: ${f.text}`];
  parts.push(f.claimant ? `according to ${f.claimant}` : 'no claimant named');
  if (f.asOf) parts.push(`as of ${f.asOf}`);
  parts.push(corroboration(f, totalSources));
  return parts.join(' — ');
}

/** An entry of later reports of one incident ("…: update"), not a disagreement. */
export function isUpdate(c: CasualtyConflict): boolean {
  return c.about.endsWith(': update');
}

/** Conflicts also carry a claimant's own figures at different dates (the contract has no other place). */
export function isChangeOverTime(c: CasualtyConflict): boolean {
  if (isUpdate(c)) return false;
  const claimants = new Set(c.figures.map((f) => f.claimant));
  return claimants.size === 1 && !claimants.has(null);
}

function conflictLines(c: CasualtyConflict): string[] {
  return [
    `  • ${c.about}`,
    ...c.figures.map((f) => `      ${f.text} — ${f.claimant ?? 'unattributed'}`),
    `      ${c.note}`,
  ];
}

/**
 * The casualty report as text: figures grouped by who is counted, each with claimant, as-of date,
 * corroboration and numbered verbatim citations; then disagreements and changes over time.
 * `totalSources` (the number of articles) turns "reported by 4 sources" into "reported by 4 of 5 sources".
 */
export function formatCasualtiesText(report: CasualtyReport, totalSources?: number): string {
  if (report.figures.length === 0) return 'No casualty figures found in the sources.';
  const lines: string[] = [`Casualty figures (${report.figures.length})`];
  let population: string | null = null;
  for (const f of report.figures) {
    if (f.population !== population) {
      population = f.population;
      lines.push('', population);
    }
    lines.push(`  • ${figureLine(f, totalSources)}`, ...citationLines(f.citations, '      '));
  }
  const disagreements = report.conflicts.filter((c) => !isChangeOverTime(c) && !isUpdate(c));
  const changes = report.conflicts.filter(isChangeOverTime);
  const updates = report.conflicts.filter(isUpdate);
  if (disagreements.length) {
    lines.push('', 'Conflicting figures (shown side by side, not resolved)');
    for (const c of disagreements) lines.push(...conflictLines(c));
  }
  if (changes.length) {
    lines.push('', 'Change over time');
    for (const c of changes) lines.push(...conflictLines(c));
  }
  if (updates.length) {
    lines.push('', 'Updated counts (later reports of the same incident)');
    for (const c of updates) lines.push(...conflictLines(c));
  }
  return lines.join('\n');
}

const TOPIC_TITLES: Record<TalksTopic, string> = {
  timeline: 'Where and when',
  participants: 'Who took part',
  outcomes: 'Outcomes',
  'sticking-points': 'Sticking points',
  'next-steps': 'Next steps',
  reactions: 'Reactions',
};

const TOPIC_ORDER: TalksTopic[] = [
  'timeline',
  'participants',
  'outcomes',
  'sticking-points',
  'next-steps',
  'reactions',
];

/** The talks brief as text: one section per topic, numbered items, numbered verbatim citations. */
export function formatTalksText(brief: TalksBrief): string {
  if (brief.items.length === 0) return 'Nothing about the talks found in the sources.';
  const lines: string[] = ['Talks brief'];
  for (const topic of TOPIC_ORDER) {
    const items = brief.items.filter((i) => i.topic === topic);
    if (!items.length) continue;
    lines.push('', TOPIC_TITLES[topic]);
    items.forEach((item, i) => {
      lines.push(`  ${i + 1}. ${item.summary}`, ...citationLines(item.citations, '       '));
    });
  }
  return lines.join('\n');
}
