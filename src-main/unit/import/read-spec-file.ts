import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { htmlToText } from './html-to-text';
import { pdfToText } from './pdf-to-text';

export type SpecFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

const formats: Record<string, SpecFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

function describe(format: SpecFormat): string {
  switch (format) {
    case 'docx':
      return 'a Word document';
    case 'pdf':
      return 'a PDF';
    case 'html':
      return 'a web page';
    default:
      return 'a text file';
  }
}

function unreadable(filePath: string, format: SpecFormat, why: string, cause?: unknown): Error {
  return new Error(
    `${path.basename(filePath)} is not ${describe(format)} the workbench can read (${why}). Open it in the program that made it, copy the unit's text and paste it into the import screen instead.`,
    { cause },
  );
}

/**
 * Reads a specification file into text for `importUnitSpec`. Word documents go through HTML so
 * their tables keep their cells; PDFs must contain text (a scanned page has none to read).
 */
export async function readSpecFile(
  filePath: string,
): Promise<{ text: string; format: SpecFormat; source?: string }> {
  const extension = path.extname(filePath).toLowerCase();
  const format = formats[extension];
  if (!format) {
    throw new Error(
      `${path.basename(filePath)} is not a kind of file the workbench can import. Use a Word document (.docx), a PDF, a web page (.html) or a text file (.txt, .md).`,
    );
  }
  let data: Buffer;
  try {
    data = await readFile(filePath);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new Error(
      code === 'ENOENT'
        ? `${filePath} could not be found. Check the name and the folder.`
        : `${filePath} could not be opened${code ? ` (${code})` : ''}. Check that you are allowed to read it.`,
      { cause: error },
    );
  }
  switch (format) {
    case 'text':
    case 'markdown':
    case 'html': {
      const text = decodeText(data);
      if (text.includes('\u0000')) {
        throw unreadable(
          filePath,
          format,
          'it holds binary data, so it may be another kind of file renamed',
        );
      }
      return format === 'html'
        ? { text: htmlToText(text), format, source: text }
        : { text, format };
    }
    case 'docx': {
      const mammoth = await import('mammoth');
      try {
        const result = await mammoth.convertToHtml({ buffer: data });
        return { text: htmlToText(result.value), format };
      } catch (error) {
        throw unreadable(filePath, format, 'it may be damaged, or be an older .doc file', error);
      }
    }
    case 'pdf': {
      let text: string;
      try {
        text = await pdfToText(new Uint8Array(data));
      } catch (error) {
        throw unreadable(filePath, format, 'it may be damaged or protected by a password', error);
      }
      if (!text.trim()) {
        throw new Error(
          `${path.basename(filePath)} has no text to read: it is probably a scanned image. Ask the awarding body for the Word or web version of the specification, or type the outcomes in.`,
        );
      }
      return { text, format };
    }
  }
}

function decodeText(data: Buffer): string {
  // Word on Windows saves "Unicode" text as UTF-16 with a byte-order mark.
  if (data[0] === 0xff && data[1] === 0xfe) return data.subarray(2).toString('utf16le');
  const text = data.toString('utf8');
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}
