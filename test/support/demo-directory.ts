// An outlet directory for the invented outlets of the library fixtures (library-fixtures.ts), on an invented
// leaning scale, so spread bars and a blindspot show: the flood story has left and centre voices (its
// Coastline Weekly reprint is a copy, no voice), the chess story (Valley Courier, Board and Clock) left and
// right, and the election story (Northern Ledger, Radio Brannock) only centre ones: a blindspot. By country
// the flood and election stories are both covered by Brannock outlets only.
export const DEMO_DIRECTORY = {
  leanings: ['left', 'centre', 'right'],
  sources: { leaning: 'Invented ratings for the demo library' },
  outlets: [
    { name: 'Valley Courier', leaning: 'left', country: 'Brannock', hosts: ['valleycourier.example'] },
    { name: 'Northern Ledger', leaning: 'centre', country: 'Brannock' },
    { name: 'Radio Brannock', leaning: 'centre', country: 'Brannock' },
    { name: 'Coastline Weekly', leaning: 'left', country: 'Meridian' },
    { name: 'Board and Clock', leaning: 'right', country: 'Quenby' },
  ],
};
