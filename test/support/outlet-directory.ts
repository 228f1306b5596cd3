// An outlet directory as a user would write it (invented outlets), hostile metadata included.

export const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

export const DIRECTORY = {
  leanings: ['left', 'centre', 'right'],
  sources: { leaning: 'Invented Ratings 2031' },
  outlets: [
    { name: 'Evening Lantern', leaning: 'left', country: 'NO', hosts: ['lantern.example'] },
    { name: 'Morning Star Post', leaning: 'left', country: 'NO' },
    { name: 'Harbour Wire', leaning: 'centre', country: 'SE' },
    { name: 'Daily Quill', leaning: 'right', country: 'NO', owner: HOSTILE, notes: HOSTILE },
    { name: 'Ridge Courier', leaning: 'right', country: 'SE' },
  ],
};
