import type { WatchedFolder } from '../workspace/workspace-watcher';
import { VISITS_FOLDER, noticeVisitChange } from './visit-store';

/** What the workspace watcher asks about visits/: whether a visit record changed outside the app. */
export const visitWatch: WatchedFolder = {
  folder: VISITS_FOLDER,
  nested: true,
  noticeChange: (workspace, name) => noticeVisitChange(workspace, name),
};
