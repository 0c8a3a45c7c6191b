import { Alert, Loader, Stack, Text } from '@mantine/core';
import { usePdfPages } from '../pdf/render-pdf-pages';

const MAX_PAGES = 5;

/** The first pages of an evidence PDF, drawn in place. */
export function PdfPreview({ url }: { url: string }) {
  const { holder, state } = usePdfPages(
    url,
    {
      scale: 1.2,
      maxPages: MAX_PAGES,
      place: (canvas, n) => {
        canvas.style.maxWidth = '100%';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', `Page ${n} of the document`);
        return canvas;
      },
    },
    'This PDF could not be shown. It may be damaged.',
  );

  return (
    <Stack data-testid="preview-pdf">
      {!state && <Loader role="status" aria-label="Loading the PDF" />}
      {state?.error && <Alert color="red">{state.error}</Alert>}
      {state && !state.error && (
        <Text size="sm" c="dimmed">
          {state.pages} {state.pages === 1 ? 'page' : 'pages'}
          {state.pages > MAX_PAGES ? ` (the first ${MAX_PAGES} are shown)` : ''}
        </Text>
      )}
      <div ref={holder} />
    </Stack>
  );
}
