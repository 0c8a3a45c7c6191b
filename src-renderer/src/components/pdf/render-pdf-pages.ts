import { useEffect, useRef, useState, type RefObject } from 'react';

export interface RenderPdfOptions {
  /** Where the pages go; emptied once the PDF has been read. */
  target: HTMLElement;
  scale: number;
  maxPages?: number;
  /** False once the screen showing the PDF has gone, so nothing is drawn into it. */
  isLive: () => boolean;
  /** What stands on the page for each drawn page: the canvas itself, or an image of it. */
  place: (canvas: HTMLCanvasElement, page: number, pages: number) => HTMLElement;
}

/**
 * Draws the pages of a PDF with pdf.js (no plug-in, no frame: the page's security policy stays
 * as it is). The library loads only when a PDF is first shown. Answers the number of pages, or
 * null when the screen went away first.
 */
export async function renderPdfPages(
  url: string,
  options: RenderPdfOptions,
): Promise<number | null> {
  const { target, scale, maxPages = Infinity, isLive, place } = options;
  const pdfjs = await import('pdfjs-dist');
  const worker = await import('pdfjs-dist/build/pdf.worker.min.mjs?url');
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  const pdf = await pdfjs.getDocument({ url, isEvalSupported: false }).promise;
  if (!isLive()) return null;
  target.replaceChildren();
  for (let n = 1; n <= Math.min(pdf.numPages, maxPages); n += 1) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    await page.render({ canvas, viewport }).promise;
    if (!isLive()) return null;
    target.append(place(canvas, n, pdf.numPages));
  }
  return pdf.numPages;
}

export interface PdfPagesState {
  pages: number;
  /** What to tell the user when the PDF could not be drawn. */
  error: string | null;
}

/**
 * Draws a PDF's pages into the element `holder` is attached to, again whenever `url` changes,
 * and stops drawing once the screen has gone. `state` is null while the pages are on their way.
 */
export function usePdfPages(
  url: string,
  options: Pick<RenderPdfOptions, 'scale' | 'maxPages' | 'place'>,
  damaged: string,
): { holder: RefObject<HTMLDivElement | null>; state: PdfPagesState | null } {
  const holder = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<PdfPagesState | null>(null);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  useEffect(() => {
    let live = true;
    const target = holder.current;
    void (async () => {
      try {
        if (!target) return;
        const pages = await renderPdfPages(url, {
          ...latest.current,
          target,
          isLive: () => live,
        });
        if (pages !== null) setState({ pages, error: null });
      } catch {
        if (live) setState({ pages: 0, error: damaged });
      }
    })();
    return () => {
      live = false;
    };
  }, [url, damaged]);
  return { holder, state };
}
