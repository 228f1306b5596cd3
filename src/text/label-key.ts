// How labels are compared: by wording, ignoring case, dots and spacing ("US President" = "U.S. president").
// A module of its own so that what only compares labels (the library's label rows, its pages) does not load
// the whole actor comparison and the NLP behind it.

export const normalName = (s: string): string =>
  s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();

export const labelKey = (text: string): string => normalName(text).replace(/\./g, '');
