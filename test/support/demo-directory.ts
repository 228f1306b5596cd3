// An outlet directory for the invented outlets of the library fixtures (library-fixtures.ts), on an invented
// leaning scale, so spread bars and a blindspot show: the flood story spreads across all three leanings,
// the chess story (Valley Courier, Board and Clock) has no right-leaning voice but is no blindspot (two
// groups), and the election story (Northern Ledger, Radio Brannock) neither.
export const DEMO_DIRECTORY = {
  leanings: ['left', 'centre', 'right'],
  sources: { leaning: 'Invented ratings for the demo library' },
  outlets: [
    { name: 'Valley Courier', leaning: 'left', country: 'Brannock', hosts: ['valleycourier.example'] },
    { name: 'Northern Ledger', leaning: 'centre', country: 'Brannock' },
    { name: 'Radio Brannock', leaning: 'right', country: 'Brannock' },
    { name: 'Coastline Weekly', leaning: 'left', country: 'Meridian' },
    { name: 'Board and Clock', leaning: 'centre', country: 'Quenby' },
  ],
};
