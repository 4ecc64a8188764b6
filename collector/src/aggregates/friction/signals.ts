import type { ElementTarget, FrictionSignal as ProtocolSignal, PulseEvent } from '@pulse/sdk/protocol';
import type { Agrees, Same } from '../../schema/same';

/**
 * The friction signals the collector counts, in the order the stats list them: the protocol's `FrictionSignal` as a
 * list (proven equal below), which the schemas, the stats, the dashboard and the rollup triggers' test read.
 */
export const FRICTION_SIGNALS = [
  'rage_click',
  'dead_click',
  'error_click',
  'js_error',
  'form_abandon',
  'quick_back',
  'excessive_scroll',
] as const;

/** One friction signal. */
export type FrictionSignal = (typeof FRICTION_SIGNALS)[number];

/** The signals made on an element, which the worst-elements rollup counts per selector. */
export const ELEMENT_SIGNALS = ['rage_click', 'dead_click', 'error_click'] as const;

/** One signal made on an element. */
export type ElementSignal = (typeof ELEMENT_SIGNALS)[number];

/** Rage, dead and error clicks on one element of one page. */
export interface ElementRow {
  path: string;
  target: string;
  label: string | null;
  rage_click: number;
  dead_click: number;
  error_click: number;
}

/** Compiles only while both lists name exactly the protocol's signals. */
export type SignalsMatchProtocol = Agrees<
  [Same<FrictionSignal, ProtocolSignal>, Same<ElementSignal, Extract<PulseEvent, ElementTarget>['type']>] extends [
    true,
    true,
  ]
    ? true
    : false
>;
