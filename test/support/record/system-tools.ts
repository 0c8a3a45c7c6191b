import { execFile } from 'node:child_process';

/** The Debian package that provides each tool, so a missing one fails with what to install. */
const PACKAGES: Record<string, string> = {
  qpdf: 'qpdf',
  pdfsig: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdffonts: 'poppler-utils',
  soffice: 'libreoffice-writer-nogui',
};

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a system tool the record tests rely on. A missing tool fails the test, never skips it:
 * CI installs them, and a silent skip would hide an unchecked signature.
 */
export function runTool(tool: string, args: string[], timeoutMs = 60_000): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    execFile(
      tool,
      args,
      { timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(
            new Error(
              `${tool} is not installed. Install the Debian package ${PACKAGES[tool] ?? tool} (apt-get install ${PACKAGES[tool] ?? tool}).`,
            ),
          );
          return;
        }
        const code = typeof error?.code === 'number' ? error.code : error ? 1 : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** pdfsig exits 0 even for a broken signature, so its verdict has to be read from its text. */
export async function pdfsigVerdicts(file: string): Promise<string[]> {
  const result = await runTool('pdfsig', [file]);
  return [...result.stdout.matchAll(/Signature Validation: (.*)/g)].map((m) => m[1]?.trim() ?? '');
}
