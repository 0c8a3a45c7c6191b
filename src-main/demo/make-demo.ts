import type { DemoMaker } from '../app/workbench';

/**
 * The demo centre, for the hosts to hand to the workbench. Its makers (PDF, DOCX, signing) load
 * only on the first start that needs them.
 */
export const makeDemoCentre: DemoMaker = async (dir, resourcesDir, now) => {
  const { createDemoCentre } = await import('./demo-centre');
  return createDemoCentre(dir, resourcesDir, now);
};
