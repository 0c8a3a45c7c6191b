import { Button, Group, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import type { LearnerDetail } from '../../../../src-main/learner/learner-contract';
import { useAddressValue } from '../../api/address';
import { AuditTrail, type AuditFilter } from '../audit/AuditTrail';
import { AddEvidenceFiles } from '../evidence/AddEvidenceFiles';
import { EvidenceList } from '../evidence/EvidenceList';
import { CriteriaPanel } from '../mapping/CriteriaPanel';
import { PlansSection } from '../planning/PlansSection';
import { ReviewsPanel } from '../progress-review/ReviewsPanel';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { WitnessTestimonySection } from '../witness/WitnessTestimonySection';
import { RegistrationsPanel } from './RegistrationsPanel';

interface Props {
  learnerId: string;
  detail: LearnerDetail;
  readOnly: boolean;
  onWrite: () => void;
  onChanged: () => void;
}

/** The learner's portfolio, a tab each: evidence, criteria, units, plans and the rest. */
export function LearnerTabs({ learnerId, detail: d, readOnly, onWrite, onChanged }: Props) {
  const [tabInAddress, setTab] = useAddressValue('tab');
  const tab = tabInAddress ?? 'evidence';
  const [auditFilter, setAuditFilter] = useState<AuditFilter>({ unitId: null, criterionRef: null });
  const shared = { detail: d, readOnly, onChanged };
  return (
    <Tabs value={tab} onChange={(next) => setTab(next === 'evidence' ? null : next)}>
      <Tabs.List>
        <Tabs.Tab value="evidence">Evidence</Tabs.Tab>
        <Tabs.Tab value="criteria">Criteria</Tabs.Tab>
        <Tabs.Tab value="units">Units</Tabs.Tab>
        <Tabs.Tab value="plans">Plans</Tabs.Tab>
        <Tabs.Tab value="witness">Witness testimony</Tabs.Tab>
        <Tabs.Tab value="timeline">Timeline</Tabs.Tab>
        <Tabs.Tab value="reviews">Reviews</Tabs.Tab>
        <Tabs.Tab value="audit">Audit trail</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="evidence" pt="md">
        <Stack>
          {!readOnly && <AddEvidenceFiles learnerId={learnerId} onAdded={onChanged} />}
          {!readOnly && (
            <Group>
              <Button variant="default" onClick={onWrite}>
                Write a record (observation, discussion, testimony)…
              </Button>
            </Group>
          )}
          <EvidenceList {...shared} />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="criteria" pt="md">
        <CriteriaPanel
          {...shared}
          onShowAudit={(unitId, criterionRef) => {
            setAuditFilter({ unitId, criterionRef });
            setTab('audit');
          }}
        />
      </Tabs.Panel>
      <Tabs.Panel value="units" pt="md">
        <RegistrationsPanel {...shared} />
      </Tabs.Panel>
      <Tabs.Panel value="plans" pt="md">
        {tab === 'plans' && (
          <PlansSection learnerId={learnerId} readOnly={readOnly} onChanged={onChanged} />
        )}
      </Tabs.Panel>
      <Tabs.Panel value="witness" pt="md">
        {tab === 'witness' && <WitnessTestimonySection {...shared} />}
      </Tabs.Panel>
      <Tabs.Panel value="timeline" pt="md">
        {tab === 'timeline' && <TimelinePanel learnerId={learnerId} />}
      </Tabs.Panel>
      <Tabs.Panel value="reviews" pt="md">
        {tab === 'reviews' && <ReviewsPanel learnerId={learnerId} readOnly={readOnly} />}
      </Tabs.Panel>
      <Tabs.Panel value="audit" pt="md">
        {tab === 'audit' && (
          <AuditTrail detail={d} filter={auditFilter} onFilter={setAuditFilter} />
        )}
      </Tabs.Panel>
    </Tabs>
  );
}
