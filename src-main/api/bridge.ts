import type { InputOf, OperationName, ResultOf } from './contract';
import type { StagedFile } from '../evidence/evidence-views';
import type { ApiResult } from '../kernel/result';
import type { MenuCommand } from '../kernel/menu-commands';

export type { MenuCommand };

export type OperationFunctions = {
  [K in OperationName]: (input: InputOf<K>) => Promise<ApiResult<ResultOf<K>>>;
};

/** What the desktop app's preload puts on `window.workbench`: named functions only. */
export type WorkbenchBridge = OperationFunctions & {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Files dropped on the window, registered for adding as evidence (desktop app only). */
  registerDroppedFiles(files: readonly unknown[]): Promise<StagedFile[]>;
};
