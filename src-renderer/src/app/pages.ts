import {
  IconBuilding,
  IconCertificate,
  IconChecklist,
  IconClipboardCheck,
  IconFileText,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { CentrePage } from '../pages/CentrePage';
import { LearnersPage } from '../pages/LearnersPage';
import { MarkingPage } from '../pages/MarkingPage';
import { RecordsPage } from '../pages/RecordsPage';
import { SamplingPage } from '../pages/SamplingPage';
import { UnitsPage } from '../pages/UnitsPage';

export type PageId = 'centre' | 'learners' | 'marking' | 'units' | 'sampling' | 'records';

export const pages: {
  id: PageId;
  label: string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  component: ComponentType;
}[] = [
  { id: 'centre', label: 'Centre', icon: IconBuilding, component: CentrePage },
  { id: 'learners', label: 'Learners', icon: IconUsers, component: LearnersPage },
  { id: 'marking', label: 'Marking', icon: IconClipboardCheck, component: MarkingPage },
  { id: 'units', label: 'Units', icon: IconCertificate, component: UnitsPage },
  { id: 'sampling', label: 'Sampling', icon: IconChecklist, component: SamplingPage },
  { id: 'records', label: 'Records', icon: IconFileText, component: RecordsPage },
];
