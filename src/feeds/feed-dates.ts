// Dates as feeds write them (RFC 822 in RSS, ISO 8601 / W3C-DTF in Atom, RDF and JSON Feed). The
// publisher's offset is kept, never converted to UTC: elsewhere Parallax takes the calendar date of
// `published` as is, and "Wed, 05 Mar 2025 23:30:00 -0500" is a March 5 story, not a March 6 one.

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

// RFC 822 names plus the abbreviations feeds actually write. Military letters other than Z are ignored
// (RFC 2822 §4.3: their sign was specified backwards, so they carry no reliable offset). Ambiguous names
// (IST: India, Ireland or Israel) are absent and leave the time without an offset.
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  ast: -240,
  adt: -180,
  bst: 60,
  west: 60,
  cet: 60,
  cest: 120,
  met: 60,
  mest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
};

// "Wed, 02 Oct 2002 13:00:00 GMT", "2 October 2002 08:00 -0500", "Wed, 02 Oct 02 13:00:00 +0200 (CEST)".
const RFC822 =
  /^(?:[a-z]+\.?,?\s*)?(\d{1,2})[\s-]+([a-z]{3,})\.?,?[\s-]+(\d{2}|\d{4}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([a-z]{1,5}|[+-]\d{2}:?\d{2}))?)?(?:\s*\([^)]*\))?$/i;
// ISO 8601 / W3C-DTF: "2003-12-13T18:30:02Z", "2003-12-13T18:30:02.25+01:00", "2003-12-13", "2003-12".
const ISO8601 =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/i;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "+0200", "-05:00", "+01" → minutes; null when out of range. */
function numericOffset(text: string): number | null {
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function validDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDateTime(
  date: [year: number, month: number, day: number],
  time: [hour: number, minute: number, second: number] | null,
  fraction: string,
  offset: number | null,
): string | null {
  const [year, month, day] = date;
  if (!validDate(year, month, day)) return null;
  const ymd = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (!time) return ymd;
  const [hour, minute, second] = time;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const zone = offset === null ? '' : formatOffset(offset);
  return `${ymd}T${pad(hour)}:${pad(minute)}:${pad(Math.min(second, 59))}${fraction}${zone}`;
}

/**
 * A feed date as ISO 8601, keeping the publisher's offset. RFC 822 ("Wed, 02 Oct 2002 08:00:00 EST" →
 * "2002-10-02T08:00:00-05:00") and ISO 8601 ("2002-10-02T15:00:00+0200" → "2002-10-02T15:00:00+02:00")
 * are both accepted wherever they appear, since feeds mix them up. A time without any zone stays without
 * one; an unreadable or impossible date (Feb 30) is null.
 */
export function parseFeedDate(text: string | null): string | null {
  const t = text?.trim();
  if (!t) return null;
  let m = ISO8601.exec(t);
  if (m) {
    const year = Number(m[1]);
    if (m[2] === undefined) return year >= 1000 ? pad(year, 4) : null;
    if (m[3] === undefined) return validDate(year, Number(m[2]), 1) ? `${pad(year, 4)}-${m[2]}` : null;
    const time: [number, number, number] | null =
      m[4] === undefined ? null : [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
    const zone = m[8];
    const offset = zone === undefined ? null : zone.toUpperCase() === 'Z' ? 0 : numericOffset(zone);
    if (zone !== undefined && offset === null) return null;
    const fraction = m[6] !== undefined && m[7] ? m[7].slice(0, 4) : '';
    return isoDateTime([year, Number(m[2]), Number(m[3])], time, fraction, offset);
  }
  m = RFC822.exec(t);
  if (m) {
    const month = MONTHS[(m[2] ?? '').slice(0, 3).toLowerCase()];
    if (!month) return null;
    let year = Number(m[3]);
    // RFC 2822 §4.3: two-digit years below 50 are 20xx, the rest 19xx.
    if ((m[3] ?? '').length === 2) year += year < 50 ? 2000 : 1900;
    const time: [number, number, number] | null =
      m[4] === undefined ? null : [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
    const zone = m[7];
    let offset: number | null = null;
    if (zone !== undefined)
      offset = /^[+-]/.test(zone) ? numericOffset(zone) : (ZONES[zone.toLowerCase()] ?? null);
    return isoDateTime([year, month, Number(m[1])], time, '', offset);
  }
  return null;
}
