import type { Workbench } from '../app/workbench';
import type { OperationName, ParsedInputOf, ResultOf } from './contract';

export type Handler<K extends OperationName> = (
  input: ParsedInputOf<K>,
  workbench: Workbench,
) => Promise<ResultOf<K>>;

export type HandlerMap<K extends OperationName> = { [P in K]: Handler<P> };
