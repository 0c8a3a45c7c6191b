import path from 'node:path';

import type { PreviewKind } from './evidence-views';

const byExtension: Record<string, { type: string; preview: PreviewKind }> = {
  '.png': { type: 'image/png', preview: 'image' },
  '.jpg': { type: 'image/jpeg', preview: 'image' },
  '.jpeg': { type: 'image/jpeg', preview: 'image' },
  '.gif': { type: 'image/gif', preview: 'image' },
  '.webp': { type: 'image/webp', preview: 'image' },
  '.svg': { type: 'image/svg+xml', preview: 'image' },
  '.pdf': { type: 'application/pdf', preview: 'pdf' },
  '.mp3': { type: 'audio/mpeg', preview: 'audio' },
  '.m4a': { type: 'audio/mp4', preview: 'audio' },
  '.wav': { type: 'audio/wav', preview: 'audio' },
  '.ogg': { type: 'audio/ogg', preview: 'audio' },
  '.mp4': { type: 'video/mp4', preview: 'video' },
  '.m4v': { type: 'video/mp4', preview: 'video' },
  '.webm': { type: 'video/webm', preview: 'video' },
  '.mov': { type: 'video/quicktime', preview: 'video' },
  '.txt': { type: 'text/plain; charset=utf-8', preview: 'text' },
  '.md': { type: 'text/plain; charset=utf-8', preview: 'text' },
  '.csv': { type: 'text/plain; charset=utf-8', preview: 'text' },
  '.docx': {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    preview: 'docx',
  },
};

/** Decided from the name only: a file's own claim about its type is never trusted for serving. */
export function mediaTypeOf(fileName: string): string {
  return byExtension[path.extname(fileName).toLowerCase()]?.type ?? 'application/octet-stream';
}

export function previewKindOf(fileName: string): PreviewKind {
  return byExtension[path.extname(fileName).toLowerCase()]?.preview ?? 'none';
}

/**
 * Kinds of file the computer may open in their usual program: documents, pictures, sound and
 * video. Anything else (a program, a script, a shortcut, an installer) could run code when
 * "opened", so it is shown in its folder instead.
 */
const openableExtensions = new Set([
  ...Object.keys(byExtension),
  ...[
    '.doc',
    '.dot',
    '.dotx',
    '.rtf',
    '.odt',
    '.ott',
    '.pages',
    '.xls',
    '.xlsx',
    '.ods',
    '.numbers',
  ],
  ...['.ppt', '.pptx', '.odp', '.key', '.tif', '.tiff', '.bmp', '.heic', '.heif'],
  ...['.aac', '.flac', '.wma', '.amr', '.avi', '.wmv', '.mkv', '.3gp', '.mpg', '.mpeg'],
  ...['.xml', '.json', '.log', '.eml', '.msg', '.vsdx', '.epub'],
]);

export function mayOpenExternally(fileName: string): boolean {
  return openableExtensions.has(path.extname(fileName).toLowerCase());
}
