// The instants a timestamp column can hold on every dialect. MySQL TIMESTAMP holds
// 1970-01-01 00:00:01 to 2038-01-19 03:14:07 UTC; a day of margin at both ends leaves
// room for a plain date in any time zone. A time outside is refused as bad input:
// written, it would fail the statement on MySQL (and only there).
export const EARLIEST_STORABLE = Date.UTC(1970, 0, 2);
export const LATEST_STORABLE = Date.UTC(2038, 0, 18);

export const isStorable = (ms: number) => ms >= EARLIEST_STORABLE && ms <= LATEST_STORABLE;
