/**
 * A chart of casualty figures as a PNG for the /casualties embed: one panel per population, one bar
 * per figure and claimant, on the panel's own scale. "up to 140,000" and "between 500,000 and
 * 600,000" are drawn as ranges (light where the figure may lie), "more than 50,000" with an arrow.
 * The SVG is written here; @resvg/resvg-js (resvg, prebuilt for each platform on npm) turns it into PNG.
 */
import { Resvg } from '@resvg/resvg-js';
import type { CasualtyFigure } from '../extract/types.js';
import { log } from '../log.js';
import { formatDate } from './cite.js';
import { figureAsWritten, humanDates } from './render.js';

export const CHART_FILE = 'casualties.png';
/** Bars drawn at most; a report with more figures is charted for its first ones (the caption says so). */
export const MAX_CHART_BARS = 24;

const WIDTH = 800;
const LABEL_WIDTH = 345;
/** Room right of the bars for the figure as written (bold, up to VALUE_CHARS characters). */
const VALUE_AREA = 250;
const BAR_AREA = WIDTH - LABEL_WIDTH - VALUE_AREA;
/** Characters that fit in the label column (14 px) and the value column (16 px bold). */
const LABEL_CHARS = 40;
const VALUE_CHARS = 22;
const ROW = 32;
const HEADING = 34;
const PAD = 16;
const COLORS = { solid: '#c53030', range: '#feb2b2', text: '#1a202c', muted: '#4a5568', grid: '#e2e8f0' };

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

interface Bar {
  label: string;
  value: string;
  /** Solid part 0..solid, light part solid..end (a range), arrow for "more than". */
  solid: number;
  end: number;
  arrow: boolean;
}

function barOf(f: CasualtyFigure): Bar | null {
  const low = f.low;
  const high = f.high;
  if (low === null && high === null) return null;
  // Percentages are not on the scale of counts.
  if (/%/.test(f.measure) || /%|\bper ?cent\b/i.test(f.text)) return null;
  const q = f.qualifier.toLowerCase();
  const upTo = low === null || /up to|almost|nearly|fewer than|less than|under|as many as/.test(q);
  const atLeast = high === null || /more than|over|at least|exceed/.test(q);
  const solid = upTo ? 0 : (low ?? 0);
  const end = high ?? low ?? 0;
  const who = f.claimant ?? 'no claimant named';
  const date = formatDate(f.asOf);
  return {
    label: clipText(`${f.measure} — ${who}${date ? `, ${date}` : ''}`, LABEL_CHARS),
    value: clipText(figureAsWritten(f), VALUE_CHARS),
    solid: upTo && !atLeast ? 0 : solid || end,
    end,
    arrow: atLeast && !upTo,
  };
}

/** The chart as SVG text (exported for tests), or null when no figure has a number. */
export function casualtiesSvg(figures: readonly CasualtyFigure[]): string | null {
  const groups = new Map<string, Bar[]>();
  let count = 0;
  for (const f of figures) {
    if (count >= MAX_CHART_BARS) break;
    const bar = barOf(f);
    if (!bar) continue;
    groups.set(f.population, [...(groups.get(f.population) ?? []), bar]);
    count++;
  }
  if (count === 0) return null;
  const height = PAD * 2 + 40 + [...groups.values()].reduce((h, bars) => h + HEADING + bars.length * ROW + 8, 0);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${PAD}" y="${PAD + 18}" font-size="20" font-weight="bold" fill="${COLORS.text}">Reported casualty figures (each panel on its own scale)</text>`,
  ];
  let y = PAD + 40;
  for (const [population, bars] of groups) {
    const max = Math.max(...bars.map((b) => b.end), 1);
    const scale = (v: number) => (v / max) * BAR_AREA;
    parts.push(
      `<text x="${PAD}" y="${y + 20}" font-size="18" font-weight="bold" fill="${COLORS.text}">${esc(clipText(humanDates(population), 80))}</text>`,
    );
    y += HEADING;
    for (const b of bars) {
      const x0 = LABEL_WIDTH;
      const mid = y + ROW / 2;
      parts.push(
        `<text x="${LABEL_WIDTH - 8}" y="${mid + 4}" font-size="14" text-anchor="end" fill="${COLORS.muted}">${esc(b.label)}</text>`,
        `<rect x="${x0}" y="${y + 4}" width="${BAR_AREA}" height="${ROW - 8}" fill="${COLORS.grid}"/>`,
      );
      if (b.end > b.solid)
        parts.push(
          `<rect x="${x0 + scale(b.solid)}" y="${y + 4}" width="${Math.max(1, scale(b.end - b.solid))}" height="${ROW - 8}" fill="${COLORS.range}"/>`,
        );
      if (b.solid > 0)
        parts.push(
          `<rect x="${x0}" y="${y + 4}" width="${Math.max(1, scale(b.solid))}" height="${ROW - 8}" fill="${COLORS.solid}"/>`,
        );
      const tip = x0 + scale(b.end);
      if (b.arrow)
        parts.push(
          `<path d="M ${tip + 2} ${y + 5} L ${tip + 12} ${mid} L ${tip + 2} ${y + ROW - 5} Z" fill="${COLORS.solid}"/>`,
        );
      parts.push(
        `<text x="${x0 + BAR_AREA + 18}" y="${mid + 4}" font-size="16" font-weight="bold" fill="${COLORS.text}">${esc(b.value)}</text>`,
      );
      y += ROW;
    }
    y += 8;
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The chart as PNG bytes, or null when there is nothing to chart (or rendering failed; logged). */
export function casualtiesPng(figures: readonly CasualtyFigure[]): Buffer | null {
  const svg = casualtiesSvg(figures);
  if (!svg) return null;
  try {
    const resvg = new Resvg(svg, {
      font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
      background: '#ffffff',
    });
    return resvg.render().asPng();
  } catch (err) {
    log.warn({ err }, 'could not render the casualties chart');
    return null;
  }
}
