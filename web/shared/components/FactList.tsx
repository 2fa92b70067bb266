import { Fragment, type ReactNode } from 'react';
import classes from './FactList.module.css';

export type Fact = [label: string, value: ReactNode];

/** Labelled facts as a description list: label above value on a phone, side by side on wider screens. */
export function FactList({ facts }: { facts: Fact[] }) {
  return (
    <dl className={classes.list}>
      {facts.map(([term, value]) => (
        <Fragment key={term}>
          <dt className={classes.label}>{term}</dt>
          <dd className={classes.value}>{value || '—'}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
