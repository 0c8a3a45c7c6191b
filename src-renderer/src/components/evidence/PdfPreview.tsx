import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

const MAX_PAGES = 5;

/**
 * Draws the first pages of a PDF with pdf.js (no plug-in, no frame: the page's security
 * policy stays as it is). The library loads only when a PDF is shown.
 */
export function PdfPreview({ url }: { url: string }) {
  const holder = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ pages: number; error: string | null } | null>(null);

  useEffect(() => {
    let live = true;
    const target = holder.current;
    void (async () => {
      try {
        const pdfjs = await import('pdfjs-dist');
        const worker = await import('pdfjs-dist/build/pdf.worker.min.mjs?url');
        pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
        const pdf = await pdfjs.getDocument({ url, isEvalSupported: false }).promise;
        if (!live || !target) return;
        target.replaceChildren();
        for (let n = 1; n <= Math.min(pdf.numPages, MAX_PAGES); n += 1) {
          const page = await pdf.getPage(n);
          const viewport = page.getViewport({ scale: 1.2 });
          const canvas = document.createElement('canvas');
          canvas.width = viewport.width;
          canvas.height = viewport.height;
          canvas.style.maxWidth = '100%';
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', `Page ${n} of the document`);
          target.append(canvas);
          await page.render({ canvas, viewport }).promise;
        }
        if (live) setState({ pages: pdf.numPages, error: null });
      } catch {
        if (live) setState({ pages: 0, error: 'This PDF could not be shown. It may be damaged.' });
      }
    })();
    return () => {
      live = false;
    };
  }, [url]);

  return (
    <Stack data-testid="preview-pdf">
      {!state && <Loader aria-label="Loading the PDF" />}
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
