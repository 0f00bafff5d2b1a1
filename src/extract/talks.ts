// PLACEHOLDER: owned by the extraction work (issue 3); replaced this session.
import type { Corpus } from '../types.js';
import type { TalksBrief } from './types.js';
export function buildTalksBrief(_corpus: Corpus): TalksBrief {
  return { items: [] };
}
