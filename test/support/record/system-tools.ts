import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { oneAtATime } from '../one-at-a-time';

/** The Debian package that provides each tool, so a missing one fails with what to install. */
const PACKAGES: Record<string, string> = JSON.parse(
  readFileSync(new URL('../../../scripts/system-tools.json', import.meta.url), 'utf8'),
);

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a system tool the record tests rely on. A missing tool fails the test, never skips it:
 * CI installs them, and a silent skip would hide an unchecked signature. No time limit: how long
 * a tool takes depends on the machine's load, and the test runner guards against a hang.
 */
export function runTool(tool: string, args: string[]): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
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
    });
  });
}

/** pdfsig exits 0 even for a broken signature, so its verdict has to be read from its text. */
export async function pdfsigVerdicts(file: string): Promise<string[]> {
  const result = await runTool('pdfsig', [file]);
  return [...result.stdout.matchAll(/Signature Validation: (.*)/g)].map((m) => m[1]?.trim() ?? '');
}

/**
 * Converts a Word file to PDF with LibreOffice, as an EQA opening it would, and returns the PDF's
 * path. Conversions run one at a time across test processes (each starts a whole office suite),
 * with a profile folder of this process's own so no other LibreOffice is disturbed.
 */
export async function convertWithLibreOffice(file: string, outDir: string): Promise<string> {
  const profile = `file://${path.join(os.tmpdir(), `workbench-test-lo-profile-${process.pid}`)}`;
  const result = await oneAtATime('libreoffice', () =>
    runTool('soffice', [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      file,
    ]),
  );
  if (result.code !== 0)
    throw new Error(`LibreOffice could not convert the file: ${result.stderr}`);
  return path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`);
}
