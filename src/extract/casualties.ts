// PLACEHOLDER: owned by the extraction work (issue 3); replaced this session.
import type { Corpus } from '../types.js';
import type { CasualtyReport } from './types.js';
export function buildCasualtyReport(_corpus: Corpus): CasualtyReport {
  return { figures: [], conflicts: [] };
}
