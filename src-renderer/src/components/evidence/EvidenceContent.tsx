import { Alert, Box, Image, Text, Typography } from '@mantine/core';
import type { EvidencePreview } from '../../../../src-main/evidence/evidence-views';
import { PdfPreview } from './PdfPreview';

interface Props {
  preview: EvidencePreview;
  title: string;
  /** The tallest an image is drawn, in pixels. */
  imageHeight: number;
  /** Prefix of the test ids of the text and Word views. */
  testId: string;
  /** Said after "The workbench cannot show this kind of file." */
  unsupportedHint?: string;
}

/** An evidence file drawn inside the workbench, whatever kind it is: one view for every screen. */
export function EvidenceContent({
  preview: p,
  title,
  imageHeight,
  testId,
  unsupportedHint,
}: Props) {
  return (
    <>
      {p.kind === 'image' && p.url && (
        <Image src={p.url} alt={title} fit="contain" mah={imageHeight} />
      )}
      {p.kind === 'pdf' && p.url && <PdfPreview url={p.url} />}
      {p.kind === 'audio' && p.url && (
        <audio controls src={p.url} aria-label={title} style={{ width: '100%' }} />
      )}
      {p.kind === 'video' && p.url && (
        <video controls src={p.url} aria-label={title} style={{ maxWidth: '100%' }} />
      )}
      {(p.kind === 'text' || p.kind === 'record') && (
        <Box
          component="pre"
          data-testid={`${testId}-text`}
          style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0 }}
        >
          {p.text}
        </Box>
      )}
      {p.truncated && <Text c="dimmed">Only the start of this file is shown.</Text>}
      {p.kind === 'docx' && p.html && (
        <Typography>
          {/* Converted and cleaned in the main process; the page's CSP blocks any script. */}
          <div data-testid={`${testId}-docx`} dangerouslySetInnerHTML={{ __html: p.html }} />
        </Typography>
      )}
      {p.kind === 'none' && (
        <Alert color="blue">
          The workbench cannot show this kind of file.{unsupportedHint ? ` ${unsupportedHint}` : ''}
        </Alert>
      )}
    </>
  );
}
