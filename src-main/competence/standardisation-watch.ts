import type { WatchedFolder } from '../workspace/workspace-watcher';
import { competenceStore } from './competence-store';
import { STANDARDISATION_FOLDER } from './standardisation-schema';

/** What the workspace watcher asks about standardisation/: whether a record changed outside the app. */
export const standardisationWatch: WatchedFolder = {
  folder: STANDARDISATION_FOLDER,
  noticeChange: (workspace, name) => competenceStore(workspace).noticeMeeting(name),
};
