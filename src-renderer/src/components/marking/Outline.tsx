import { memo, useEffect, useRef } from 'react';
import type { OutlineOutcome, TargetView } from '../../../../src-main/decision/decision-views';
import type { DecisionStatus } from '../../../../src-main/decision/marking-types';
import classes from './Outline.module.css';
import { combinedStatus, statusLabel } from './status';
import { formatDate } from '../dates/format';
import { countTargets } from './count-targets';
import { criteriaMetLabel } from '../../../../src-main/kernel/count-criteria';

interface Props {
  outline: OutlineOutcome[];
  targets: Map<string, TargetView>;
  selectedKey: string | null;
  onSelect: (key: string) => void;
}

/** The compact status a row shows, so a row re-renders only when it changed. */
const rowSignature = (t: TargetView) =>
  `${t.status}|${t.plannedFor ?? ''}|${t.evidenceIds.length}|${t.flags.length}`;

function Chip({ status }: { status: DecisionStatus }) {
  return <span className={`${classes.chip} ${classes[status]}`}>{statusLabel[status]}</span>;
}

interface RowProps {
  target: TargetView;
  signature: string;
  selected: boolean;
  onSelect: (key: string) => void;
}

const TargetRow = memo(
  function TargetRow({ target, selected, onSelect }: RowProps) {
    const ref = useRef<HTMLButtonElement>(null);
    useEffect(() => {
      if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
    }, [selected]);
    const text = target.partRef ? target.partText : target.criterionText;
    const flags = target.flags.length;
    return (
      <button
        type="button"
        ref={ref}
        className={classes.row}
        data-testid={`target-${target.key}`}
        data-selected={selected || undefined}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(target.key)}
      >
        <span className={classes.text}>
          <span className={classes.ref}>
            {target.partRef ? `${target.partRef})` : target.criterionRef}
          </span>{' '}
          {text}
        </span>
        <span className={classes.chips}>
          {target.evidenceIds.length === 0 && (
            <span className={`${classes.chip} ${classes.missing}`}>No evidence</span>
          )}
          {flags > 0 && (
            <span className={`${classes.chip} ${classes.flag}`}>
              {flags} {flags === 1 ? 'flag' : 'flags'}
            </span>
          )}
          {target.plannedFor ? (
            <span
              className={`${classes.chip} ${classes['not-assessed']}`}
              data-testid="still-to-do"
            >
              Still to do (planned {formatDate(target.plannedFor)})
            </span>
          ) : (
            <Chip status={target.status} />
          )}
        </span>
      </button>
    );
  },
  (a, b) => a.signature === b.signature && a.selected === b.selected && a.onSelect === b.onSelect,
);

interface OutcomeProps {
  outcome: OutlineOutcome;
  targets: Map<string, TargetView>;
  signature: string;
  /** The selected key when it is inside this outcome; null otherwise, so others stay put. */
  selectedKey: string | null;
  onSelect: (key: string) => void;
}

const OutcomeBlock = memo(
  function OutcomeBlock({ outcome, targets, selectedKey, onSelect }: OutcomeProps) {
    const all = outcome.criteria.flatMap((c) => c.targets.map((k) => targets.get(k)!));
    const counts = countTargets(all);
    return (
      <li className={classes.outcome}>
        <div className={`${classes.head} ${classes.outcomeHead}`}>
          <span>
            {outcome.ref}. {outcome.text}
          </span>
          <span
            className={`${classes.chip} ${counts.met === counts.total ? classes.met : classes['not-assessed']}`}
          >
            {criteriaMetLabel(counts)}
          </span>
        </div>
        <ul className={classes.list}>
          {outcome.criteria.map((c) => {
            const rows = c.targets.map((k) => targets.get(k)!);
            const single = rows.length === 1 && rows[0]!.partRef === null;
            return (
              <li key={c.ref}>
                {!single && (
                  <div className={classes.head}>
                    <span>
                      <span className={classes.ref}>{c.ref}</span> {c.text}
                    </span>
                    <Chip status={combinedStatus(rows.map((r) => r.status))} />
                  </div>
                )}
                <div className={single ? undefined : classes.indent}>
                  {rows.map((t) => (
                    <TargetRow
                      key={t.key}
                      target={t}
                      signature={rowSignature(t)}
                      selected={t.key === selectedKey}
                      onSelect={onSelect}
                    />
                  ))}
                </div>
              </li>
            );
          })}
        </ul>
      </li>
    );
  },
  (a, b) =>
    a.signature === b.signature && a.selectedKey === b.selectedKey && a.onSelect === b.onSelect,
);

/** The unit as outcome → criterion → part, each with its status; the selected one outlined. */
export function Outline({ outline, targets, selectedKey, onSelect }: Props) {
  return (
    <nav aria-label="Unit outline" data-testid="marking-outline">
      <ul className={classes.list}>
        {outline.map((o) => {
          const keys = o.criteria.flatMap((c) => c.targets);
          const signature = keys.map((k) => rowSignature(targets.get(k)!)).join(',');
          const inside = selectedKey !== null && keys.includes(selectedKey) ? selectedKey : null;
          return (
            <OutcomeBlock
              key={o.ref}
              outcome={o}
              targets={targets}
              signature={signature}
              selectedKey={inside}
              onSelect={onSelect}
            />
          );
        })}
      </ul>
    </nav>
  );
}
