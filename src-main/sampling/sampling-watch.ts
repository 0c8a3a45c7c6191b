import type { WatchedFolder } from '../workspace/workspace-watcher';
import { SAMPLING_FOLDER } from './sampling-files';
import { samplingStore } from './sampling-store';

/** What the workspace watcher asks about sampling/: whether a plan, review or strategy file changed outside the app. */
export const samplingWatch: WatchedFolder = {
  folder: SAMPLING_FOLDER,
  noticeChange: async (workspace, name) =>
    (await samplingStore(workspace).noticeChange(name)) !== 'same',
};
