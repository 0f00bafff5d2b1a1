/** Types of the structured reports (/casualties, /talks). The CLI JSON shapes are contracts: keep them stable. */
import type { Citation } from '../types.js';

/* ------------------------------------------------------------ casualties */

export type Side = 'ukraine' | 'russia' | 'civilians' | 'all';

export interface CasualtyFigure {
  population: string;
  measure: string;
  low: number | null;
  high: number | null;
  qualifier: string;
  text: string;
  claimant: string | null;
  asOf: string | null;
  citations: Citation[];
}

export interface CasualtyConflict {
  about: string;
  figures: { text: string; low: number | null; high: number | null; claimant: string | null }[];
  note: string;
}

export interface CasualtyReport {
  figures: CasualtyFigure[];
  conflicts: CasualtyConflict[];
}

/* ----------------------------------------------------------------- talks */

/** `reactions` (assessments of the talks by participants and observers) is part of the brief the issue asks for. */
export type TalksTopic = 'participants' | 'outcomes' | 'sticking-points' | 'next-steps' | 'timeline' | 'reactions';

export interface TalksItem {
  topic: TalksTopic;
  /** One line: "Steve Witkoff — U.S. special envoy (United States)" or "exchange of 314 prisoners". */
  summary: string;
  citations: Citation[];
}

export interface TalksBrief {
  items: TalksItem[];
}
