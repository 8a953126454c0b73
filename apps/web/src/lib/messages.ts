// The shape a translated catalogue must have: the English one's keys, every leaf a string. Kept apart from the i18n
// setup (which needs the DOM) so that the tests read the catalogues as plain data.
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
