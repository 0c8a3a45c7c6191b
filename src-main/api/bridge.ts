import type { InputOf, OperationName, ResultOf } from './contract';
import type { StagedFile } from '../evidence/evidence-views';
import type { ApiResult } from './result';

/** Commands the native menu sends to the screen. */
export const menuCommands = [
  'open-workspace',
  'new-workspace',
  'open-demo',
  'print',
  'back',
  'forward',
] as const;
export type MenuCommand = (typeof menuCommands)[number];

export type OperationFunctions = {
  [K in OperationName]: (input: InputOf<K>) => Promise<ApiResult<ResultOf<K>>>;
};

/** What the desktop app's preload puts on `window.workbench`: named functions only. */
export type WorkbenchBridge = OperationFunctions & {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Files dropped on the window, registered for adding as evidence (desktop app only). */
  registerDroppedFiles(files: readonly unknown[]): Promise<StagedFile[]>;
};
