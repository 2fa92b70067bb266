import type { ImportSettings, UploadView } from '../../../server/modules/imports/imports.schemas.ts';
import { ApiError, currentCsrfToken, withQuery } from '../../shared/api/client.ts';

// The two import requests that do not fit the JSON client: the upload sends the
// file's raw bytes, and the run answers with a stream of NDJSON lines.

export interface ImportProgress {
  phase: string;
  done: number;
  total: number;
}

export interface ImportOutcome {
  imported: number;
  skippedDuplicates: number;
}

function headers(contentType: string): Record<string, string> {
  const token = currentCsrfToken();
  return { 'content-type': contentType, accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}) };
}

async function failure(response: Response): Promise<ApiError> {
  const text = await response.text();
  let body = {};
  try {
    body = JSON.parse(text) as object;
  } catch {
    body = { message: text };
  }
  return new ApiError(response.status, body);
}

// The server reports each phase from 0 to its total; the bar shows the whole run.
const PHASES: Record<string, [start: number, share: number]> = {
  validated: [0, 10],
  staging: [10, 40],
  checking: [50, 10],
  inserting: [60, 40],
};

export function overallPercent(p: ImportProgress | null): number {
  if (!p) return 0;
  const [start, share] = PHASES[p.phase] ?? [0, 100];
  return Math.round(start + (p.total > 0 ? (p.done / p.total) * share : share));
}

export async function uploadFile(file: File, officeId: string): Promise<UploadView> {
  const type = file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : file.type || 'application/octet-stream';
  let response: Response;
  try {
    response = await fetch(withQuery('/api/imports', { officeId, fileName: file.name }), {
      method: 'POST',
      headers: headers(type),
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, { error: 'network', message: 'The server could not be reached' });
  }
  if (!response.ok) throw await failure(response);
  return (await response.json()) as UploadView;
}

/** Runs the import, calling onProgress for each progress line; resolves with the last line's result. */
export async function runImport(id: string, settings: ImportSettings, onProgress: (p: ImportProgress) => void): Promise<ImportOutcome> {
  const response = await fetch(`/api/imports/${id}/run`, {
    method: 'POST',
    headers: headers('application/json'),
    credentials: 'same-origin',
    body: JSON.stringify(settings),
  });
  if (!response.ok || !response.body) throw await failure(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffer += value ?? '';
    const lines = buffer.split('\n');
    buffer = done ? '' : (lines.pop() ?? '');
    for (const line of lines.filter((l) => l.trim())) {
      const message = JSON.parse(line) as {
        progress?: ImportProgress;
        result?: ImportOutcome;
        error?: { error?: string; message?: string };
      };
      if (message.progress) onProgress(message.progress);
      if (message.result) return message.result;
      if (message.error) throw new ApiError(message.error.error === 'internal' ? 500 : 400, message.error);
    }
    if (done) throw new ApiError(500, { error: 'import_incomplete', message: 'The import ended without a result' });
  }
}
