import { createHash } from 'node:crypto';
import type {
  DiscussionInput,
  EvidenceIndexInput,
  ObservationInput,
  ProgressInput,
  RecordContextInput,
  UnitRecordInput,
} from '../../../src-main/record';
import { drawnSignaturePng } from './signature-png';

/** Names a WinAnsi-only font cannot print: every record must show them as written. */
export const unicodeNames = {
  learner: 'Zoë O’Brien',
  assessor: 'Łukasz Wójcik',
  iqa: 'Nguyễn Thị Hoa',
  countersigner: 'Siobhán Ní Bhriain',
} as const;

export const evidenceFiles: Record<string, string> = {
  'E01 observation notes.txt': 'Observed Zoë greeting customers at the front desk.\n',
  'E02 complaint log.csv': 'date,customer,outcome\n2025-02-03,C-14,resolved\n',
  'photos/E03 display.txt': 'A photograph of the service-standards display.\n',
};

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

const context = (recordId: string): RecordContextInput => ({
  recordId,
  generatedAt: '2025-03-14T10:30:00.000Z',
  centreName: 'Northgate Skills Centre',
  awardingBody: 'OCN London',
  qualification: {
    title: 'OCN London Level 3 Certificate in Customer Service',
    number: '603/4213/0',
  },
  learner: { name: unicodeNames.learner, uln: '1234567890' },
  evidence: Object.entries(evidenceFiles).map(([fileName, body]) => ({
    fileName,
    sha256: sha256(body),
  })),
});

const signed = (date: string, seed: number) => ({ date, drawnPng: drawnSignaturePng(seed) });

const criterionTexts = [
  'Explain how to identify the expectations of external customers',
  'Describe the features and benefits of the products or services offered by the organisation',
  'Explain the importance of meeting customer expectations and the possible consequences of not doing so, including the effect on repeat business, complaints and the reputation of the organisation',
  'Deal with a customer complaint in line with organisational procedures',
  'Evaluate the effectiveness of methods used to gather customer feedback',
];

/** A unit record with `count` criteria (the benchmark asks for 25); 2.1 has parts a and b. */
export function unitRecordInput(count = 9): UnitRecordInput {
  return {
    ...context('ur-zo-J5084003-0001'),
    unit: {
      title: 'Principles of customer service delivery to external customers',
      ref: 'J/508/4003',
      level: 'Three',
      credits: 4,
    },
    assessor: { name: unicodeNames.assessor },
    signedOff: true,
    criteria: Array.from({ length: count }, (_, i) => {
      const ref = `${Math.floor(i / 3) + 1}.${(i % 3) + 1}`;
      return {
        ref,
        text: criterionTexts[i % criterionTexts.length] ?? '',
        evidenceRefs: i % 2 ? ['E01', 'E02'] : ['E03'],
        methods: i % 2 ? ['direct observation', 'oral questions'] : ['product evidence'],
        date: '2025-03-10',
        decision: 'met' as const,
        parts:
          ref === '2.1'
            ? [
                {
                  ref: 'a',
                  text: 'in person',
                  evidenceRefs: ['E01'],
                  methods: ['direct observation'],
                  date: '2025-03-10',
                  decision: 'met' as const,
                },
                {
                  ref: 'b',
                  text: 'in writing',
                  evidenceRefs: ['E02'],
                  methods: ['product evidence'],
                  date: '2025-03-11',
                  decision: 'met' as const,
                },
              ]
            : [],
      };
    }),
    feedback: [
      'Zoë, you dealt calmly with the complaint from the customer about the delayed order and followed the organisation’s procedure at every step.',
      'Your written explanation of features and benefits is thorough; next time give an example from your own workplace.',
    ],
    learnerComments: ['Thank you — I found the discussion about feedback methods useful.'],
    unitDecision: 'achieved',
    learnerSignature: signed('2025-03-12', 1),
    assessorSignature: signed('2025-03-12', 2),
    countersignature: {
      person: { name: unicodeNames.countersigner, role: 'Lead assessor' },
      signature: signed('2025-03-13', 3),
    },
    iqa: {
      sampled: true,
      person: { name: unicodeNames.iqa },
      decision: 'agree',
      sampleType: 'summative',
      comments: 'Decisions are valid and consistent; feedback is specific and developmental.',
      signature: { date: '2025-03-14', typedName: unicodeNames.iqa },
    },
  };
}

export function observationInput(): ObservationInput {
  return {
    ...context('ob-zo-0002'),
    unitRef: 'J/508/4003',
    assessor: { name: unicodeNames.assessor },
    date: '2025-03-10',
    startTime: '09:30',
    endTime: '10:45',
    location: 'Front desk, Harbourside Hotel, Bristol',
    targeted: [{ unitRef: 'J/508/4003', criteriaRefs: ['1.2', '2.1 a', '3.1'] }],
    narrative: [
      'Zoë greeted each guest within a few seconds of arrival, made eye contact and used their name once she had it.',
      'A guest complained that the room was not ready. Zoë listened without interrupting, apologised, explained what she would do and by when, and offered a seat in the lounge with a drink while the room was prepared. She recorded the complaint in the log (E02) before the next guest arrived.',
    ],
    questions: [
      {
        question: 'Why did you offer the guest a choice rather than a single option?',
        answer: 'So they feel in control; a choice shows we take their time seriously.',
        criteriaRefs: ['1.2'],
      },
      {
        question: 'What would you have done if the guest had asked for a refund?',
        answer: 'Passed it to the duty manager, as only managers can authorise refunds.',
        criteriaRefs: ['3.1'],
      },
    ],
    feedback: ['A confident, well-judged response to a complaint.'],
    learnerComments: [],
    decision: 'criteria 1.2, 2.1 a and 3.1 met',
    productRefs: [{ ref: 'E02', description: 'Complaint log entry made during the observation' }],
    learnerSignature: signed('2025-03-10', 4),
    assessorSignature: signed('2025-03-10', 5),
  };
}

export function discussionInput(): DiscussionInput {
  return {
    ...context('pd-zo-0003'),
    unitRef: 'J/508/4003',
    assessor: { name: unicodeNames.assessor },
    date: '2025-03-11',
    durationMinutes: 35,
    location: 'Training room 2, Northgate Skills Centre',
    criteriaAgreed: [{ unitRef: 'J/508/4003', criteriaRefs: ['1.1', '3.3'] }],
    account: [
      {
        timeStamp: '00:02',
        criteriaRefs: ['1.1'],
        text: 'Zoë explained three ways she finds out what guests expect: the booking notes, what they say at check-in, and the feedback cards.',
      },
      {
        timeStamp: '00:14',
        criteriaRefs: ['3.3'],
        text: 'She compared feedback cards with the online survey: cards get more replies, the survey more detail.',
      },
    ],
    consentToRecording: true,
    recordingFile: 'E04 discussion.m4a',
    feedback: ['Clear, specific answers drawn from your own workplace.'],
    nextSteps: ['Plan the observation of 4.1 for April.'],
    learnerSignature: signed('2025-03-11', 6),
    assessorSignature: signed('2025-03-11', 7),
  };
}

export function progressInput(): ProgressInput {
  return {
    ...context('pg-zo-0004'),
    asAt: '2025-03-14',
    assessor: { name: unicodeNames.assessor },
    units: [
      {
        ref: 'J/508/4003',
        title: 'Principles of customer service delivery to external customers',
        level: '3',
        credits: 4,
        group: 'Mandatory',
        criteriaMet: 9,
        criteriaTotal: 9,
        status: 'achieved',
        achievedDate: '2025-03-12',
      },
      {
        ref: 'L/508/4004',
        title: 'Internal customers',
        level: '3',
        credits: 3,
        group: 'Mandatory',
        criteriaMet: 4,
        criteriaTotal: 8,
        status: 'in progress',
      },
      {
        ref: 'R/508/4005',
        title: 'Handling complaints',
        level: '3',
        credits: 5,
        group: 'Optional group B',
        criteriaMet: 0,
        criteriaTotal: 10,
        status: 'not started',
      },
    ],
    rulesOfCombination: {
      position: [
        'Learners must achieve 15 credits: 7 from the mandatory group and at least 8 from optional group B.',
        'Achieved so far: 4 of 7 mandatory credits; 0 of 8 optional credits. Not yet eligible for certification.',
      ],
      creditsAchieved: 4,
      creditsRequired: 15,
    },
    assessorSignature: signed('2025-03-14', 8),
  };
}

export function evidenceIndexInput(): EvidenceIndexInput {
  return {
    ...context('ei-zo-0005'),
    assessor: { name: unicodeNames.assessor },
    items: [
      {
        ref: 'E01',
        title: 'Observation notes: front desk',
        methods: ['direct observation'],
        date: '2025-03-10',
        fileName: 'E01 observation notes.txt',
        criteriaRefs: ['J/508/4003 1.2', 'J/508/4003 2.1 a'],
      },
      {
        ref: 'E02',
        title: 'Complaint log',
        methods: ['product evidence'],
        date: '2025-03-10',
        fileName: 'E02 complaint log.csv',
        criteriaRefs: ['J/508/4003 3.1'],
      },
      {
        ref: 'E03',
        title: 'Service standards display',
        methods: ['product evidence'],
        date: '2025-02-20',
        fileName: 'photos/E03 display.txt',
        criteriaRefs: ['J/508/4003 1.1'],
      },
    ],
  };
}
