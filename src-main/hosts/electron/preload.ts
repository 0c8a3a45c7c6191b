import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { OperationFunctions, WorkbenchBridge } from '../../api/bridge';
import type { StagedFile } from '../../evidence/evidence-views';
import { menuCommands, type MenuCommand } from '../../kernel/menu-commands';
import { operationNames } from '../../kernel/operation-names';

// One named function per declared operation, each bound to its own channel: the page can
// never name an arbitrary channel, and it never sees ipcRenderer itself.
const operations = Object.fromEntries(
  operationNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(name, input)]),
) as OperationFunctions;

const bridge = {
  ...operations,
  onMenuCommand(listener: (command: MenuCommand) => void) {
    const relay = (_event: unknown, command: unknown) => {
      if (menuCommands.includes(command as MenuCommand)) listener(command as MenuCommand);
    };
    ipcRenderer.on('menu:command', relay);
    return () => {
      ipcRenderer.removeListener('menu:command', relay);
    };
  },
  async registerDroppedFiles(files: readonly unknown[]) {
    // Only real File objects from a drop have a path; anything else the page passes is skipped.
    const paths = files.flatMap((file) => {
      try {
        const found = webUtils.getPathForFile(
          file as Parameters<typeof webUtils.getPathForFile>[0],
        );
        return found ? [found] : [];
      } catch {
        return [];
      }
    });
    return ipcRenderer.invoke('evidence:register-dropped', paths) as Promise<StagedFile[]>;
  },
} satisfies WorkbenchBridge;

contextBridge.exposeInMainWorld('workbench', bridge);
