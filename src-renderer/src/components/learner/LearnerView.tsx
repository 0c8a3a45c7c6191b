import { ReviewsPanel } from '../progress-review/ReviewsPanel';
import { Alert, Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { useOperation } from '../../api/use-operation';
import { useAddressValue } from '../../api/address';
import { AuditTrail, type AuditFilter } from '../audit/AuditTrail';
import { AddEvidenceFiles } from '../evidence/AddEvidenceFiles';
import { EvidenceList } from '../evidence/EvidenceList';
import { RecordForm } from '../evidence/RecordForm';
import { Loading } from '../Loading';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { CriteriaPanel } from '../mapping/CriteriaPanel';
import { WitnessTestimonySection } from '../witness/WitnessTestimonySection';
import { LearnerCopyButton } from './LearnerCopyButton';
import { PlansSection } from '../planning/PlansSection';
import { LearnerForm } from './LearnerForm';
import { RegistrationsPanel } from './RegistrationsPanel';
import { UnreadableChanges } from './UnreadableChanges';

interface Props {
  learnerId: string;
  onBack: () => void;
}

/** One learner: details and units, evidence, criteria, and the audit trail. */
export function LearnerView({ learnerId, onBack }: Props) {
  const detail = useOperation('learner:get', { learnerId });
  const session = useOperation('session:get', {});
  const readOnly = session.data?.readOnly ?? true;
  const [tabInAddress, setTab] = useAddressValue('tab');
  const tab = tabInAddress ?? 'evidence';
  const [editing, setEditing] = useState(false);
  const [writing, setWriting] = useState(false);
  const [auditFilter, setAuditFilter] = useState<AuditFilter>({ unitId: null, criterionRef: null });

  async function restore() {
    try {
      const { keptAs } = await call('learner:restore-portfolio', { learnerId });
      notifyDone(`The last good copy is back. The damaged file was kept as ${keptAs}.`);
      detail.reload();
    } catch (error) {
      notifyError('The portfolio could not be restored', error);
    }
  }

  return (
    <Stack>
      <Group>
        <Button variant="subtle" onClick={onBack}>
          ← All learners
        </Button>
      </Group>
      {detail.error && (
        <Alert color="red" title="This portfolio could not be opened">
          <Stack>
            <Text size="sm">{detail.error}</Text>
            {!readOnly && (
              <Group>
                <Button size="xs" onClick={() => void restore()}>
                  Use the last good copy
                </Button>
              </Group>
            )}
          </Stack>
        </Alert>
      )}
      {!detail.error && (
        <Loading state={detail} label="The learner">
          {(d) => (
            <Stack>
              <Group justify="space-between">
                <div>
                  <Title order={2} size="h3" data-testid="learner-name">
                    {d.learner.name}{' '}
                    {d.learner.archived && (
                      <Badge color="gray" variant="light">
                        Archived
                      </Badge>
                    )}
                  </Title>
                  <Text size="sm" c="dimmed">
                    ULN {d.learner.uln} · {d.learner.employer || 'no employer recorded'}
                    {d.learner.workplace ? `, ${d.learner.workplace}` : ''}
                    {d.learner.cohort ? ` · cohort ${d.learner.cohort}` : ''}
                  </Text>
                  {d.learner.needs && (
                    <Text size="sm">Needs and adjustments: {d.learner.needs}</Text>
                  )}
                  <Text size="xs" c="dimmed">
                    Portfolio folder: {d.learner.portfolio}
                  </Text>
                </div>
                {!readOnly && (
                  <Group>
                    <Button variant="default" onClick={() => setEditing(true)}>
                      Edit details
                    </Button>
                    <LearnerCopyButton detail={d} />
                    <Button
                      variant="light"
                      color={d.learner.archived ? 'teal' : 'gray'}
                      onClick={() =>
                        void call('learner:update', { learnerId, archived: !d.learner.archived })
                          .then(() => {
                            notifyDone(
                              d.learner.archived
                                ? 'Learner restored.'
                                : 'Learner archived; their records are kept.',
                            );
                            detail.reload();
                          })
                          .catch((error: unknown) =>
                            notifyError('The learner was not changed', error),
                          )
                      }
                    >
                      {d.learner.archived ? 'Restore learner' : 'Archive learner'}
                    </Button>
                  </Group>
                )}
              </Group>
              <UnreadableChanges problems={d.unreadableChanges} />
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
                    {!readOnly && (
                      <AddEvidenceFiles learnerId={learnerId} onAdded={detail.reload} />
                    )}
                    {!readOnly && (
                      <Group>
                        <Button variant="default" onClick={() => setWriting(true)}>
                          Write a record (observation, discussion, testimony)…
                        </Button>
                      </Group>
                    )}
                    <EvidenceList detail={d} readOnly={readOnly} onChanged={detail.reload} />
                  </Stack>
                </Tabs.Panel>
                <Tabs.Panel value="criteria" pt="md">
                  <CriteriaPanel
                    detail={d}
                    readOnly={readOnly}
                    onChanged={detail.reload}
                    onShowAudit={(unitId, criterionRef) => {
                      setAuditFilter({ unitId, criterionRef });
                      setTab('audit');
                    }}
                  />
                </Tabs.Panel>
                <Tabs.Panel value="units" pt="md">
                  <RegistrationsPanel detail={d} readOnly={readOnly} onChanged={detail.reload} />
                </Tabs.Panel>
                <Tabs.Panel value="plans" pt="md">
                  {tab === 'plans' && (
                    <PlansSection
                      learnerId={learnerId}
                      readOnly={readOnly}
                      onChanged={detail.reload}
                    />
                  )}
                </Tabs.Panel>
                <Tabs.Panel value="witness" pt="md">
                  {tab === 'witness' && (
                    <WitnessTestimonySection
                      detail={d}
                      readOnly={readOnly}
                      onChanged={detail.reload}
                    />
                  )}
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
              {editing && (
                <LearnerForm
                  opened
                  onClose={() => setEditing(false)}
                  onSaved={detail.reload}
                  learner={{ ...d.learner, id: learnerId }}
                />
              )}
              {writing && (
                <RecordForm
                  learnerId={learnerId}
                  employer={d.learner.employer}
                  opened
                  onClose={() => setWriting(false)}
                  onAdded={detail.reload}
                />
              )}
            </Stack>
          )}
        </Loading>
      )}
    </Stack>
  );
}
