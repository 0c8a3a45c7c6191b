import type { EvidenceFile, EvidenceMethod } from '../portfolio/evidence-schema';

/** What the screen is told about evidence; types only, so the renderer can share them. */
export type PreviewKind = 'image' | 'pdf' | 'audio' | 'video' | 'text' | 'docx' | 'none';

export interface EvidencePreview {
  kind: PreviewKind | 'record';
  /** Where the screen loads the file from (a ticketed address), when it has one. */
  url: string | null;
  mediaType: string | null;
  /** DOCX as HTML, made safe in the main process; plain text shown as it is. */
  html: string | null;
  text: string | null;
  truncated: boolean;
}

export interface JobView {
  id: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  bytes: number;
  total: number | null;
  evidenceId: string | null;
  error: string | null;
}

/** A file sent to the workbench and waiting, under an opaque id, for the operation that uses it. */
export interface StagedFile {
  stagedId: string;
  name: string;
  size: number;
}

export type { EvidenceFile, EvidenceMethod };
