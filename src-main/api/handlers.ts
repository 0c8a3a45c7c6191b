import { centreHandlers } from '../centre/centre-handlers';
import { learnerHandlers } from '../learner/learner-handlers';
import { qualificationHandlers } from '../qualification/qualification-handlers';
import { sessionHandlers } from '../session/session-handlers';
import { unitHandlers } from '../unit/unit-handlers';
import { unitImportHandlers } from '../unit/unit-import-handlers';
import { workspaceHandlers } from '../workspace/workspace-handlers';
import type { OperationName } from './contract';
import type { HandlerMap } from './handler';

/** One handler per declared operation; a missing one fails to compile. */
export const handlers: HandlerMap<OperationName> = {
  ...centreHandlers,
  ...learnerHandlers,
  ...qualificationHandlers,
  ...sessionHandlers,
  ...unitHandlers,
  ...unitImportHandlers,
  ...workspaceHandlers,
};
