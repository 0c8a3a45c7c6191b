import { Alert, Button, Group, Loader, Paper, Stack, Text, Title, Typography } from '@mantine/core';
import { IconPrinter, IconX } from '@tabler/icons-react';
import type { RecordPreview as Preview } from '../../../../src-main/record/record-contract';
import { usePdfPages } from '../pdf/render-pdf-pages';

/**
 * Only the record is printed while a preview is open: everything else on the page is hidden
 * from the printer, and each page of the record starts a printed page.
 */
const PRINT_CSS = `
@media print {
  body:has(.record-print) * { visibility: hidden; }
  body:has(.record-print) .record-print, body:has(.record-print) .record-print * { visibility: visible; }
  body:has(.record-print) .record-print { position: absolute; inset: 0 auto auto 0; width: 100%; }
  .record-print img { display: block; width: 100%; break-after: page; box-shadow: none !important; margin: 0 !important; }
  @page { size: A4; margin: 0; }
}`;

/** Draws every page of a record PDF with pdf.js as images that print at full A4 quality. */
function PdfPages({ url, label }: { url: string; label: string }) {
  const { holder, state } = usePdfPages(
    url,
    {
      // Twice screen resolution: sharp on screen and acceptable on paper.
      scale: 2,
      place: (canvas, n, total) => {
        const img = document.createElement('img');
        img.src = canvas.toDataURL('image/png');
        img.alt = `${label}, page ${n} of ${total}`;
        img.style.cssText =
          'width:100%;max-width:794px;display:block;margin:0 auto 16px;box-shadow:0 1px 4px rgba(0,0,0,.25);background:#fff';
        return img;
      },
    },
    'This record could not be shown. It may be damaged.',
  );
  return (
    <>
      {!state && <Loader role="status" aria-label="Loading the record" />}
      {state?.error && <Alert color="red">{state.error}</Alert>}
      {state && !state.error && (
        <Text size="sm" c="dimmed" data-testid="preview-page-count">
          {state.pages} {state.pages === 1 ? 'page' : 'pages'}
        </Text>
      )}
      <div ref={holder} className="record-print" data-testid="record-pages" />
    </>
  );
}

export function RecordPreview({
  preview,
  title,
  onClose,
}: {
  preview: Preview;
  title: string;
  onClose: () => void;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="record-preview-title">
      <style>{PRINT_CSS}</style>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="record-preview-title">
            Print preview: {title}
          </Title>
          <Group>
            <Button
              leftSection={<IconPrinter size={16} aria-hidden />}
              onClick={() => window.print()}
            >
              Print…
            </Button>
            <Button component="a" variant="default" href={preview.url} download={preview.fileName}>
              Save a copy
            </Button>
            <Button
              variant="subtle"
              leftSection={<IconX size={16} aria-hidden />}
              onClick={onClose}
            >
              Close preview
            </Button>
          </Group>
        </Group>
        {preview.kind === 'pdf' ? (
          <PdfPages url={preview.url} label={title} />
        ) : (
          <Typography>
            {/* Converted and cleaned in the main process; the page's CSP blocks any script. */}
            <div
              className="record-print"
              data-testid="record-docx"
              dangerouslySetInnerHTML={{ __html: preview.html ?? '' }}
            />
          </Typography>
        )}
      </Stack>
    </Paper>
  );
}
