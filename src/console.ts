// PLACEHOLDER: replaced this session by the local console.
import type { Readable, Writable } from 'node:stream';
import type { SourceStore } from './store.js';
export async function runConsole(_store: SourceStore, _input: Readable, _output: Writable): Promise<void> {}
