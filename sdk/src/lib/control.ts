/** Elements that are buttons or links: the only ones whose label Pulse records, and what a click is attributed to. */
export const CONTROL = 'a,button,[role=button]';
