// PLACEHOLDER: owned by the Discord work (issue 4); replaced this session.
import type { Config } from '../config.js';
import type { SourceStore } from '../store.js';
export async function startBot(_config: Config, _store: SourceStore): Promise<void> {
  throw new Error('The Discord bot is not built yet');
}
