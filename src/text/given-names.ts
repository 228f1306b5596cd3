// English given names and their usual short forms (hypocorisms) that do not begin the long form, so the
// prefix rule of sameGivenName ("Fred"/"Frederick") misses them: "Chuck"/"Charles", "Bill"/"William",
// "Peggy"/"Margaret". Outlets differ here all the time — one writes a senator's formal name, another the
// name he campaigns under — and a story then showed "Charles Hale" and "Chuck Hale" as two actors.
//
// Written for this module from common knowledge of English naming (each pair is a fact, widely listed);
// kept to short forms in current use for adults in news. A short form that serves several names ("Ted":
// Edward, Theodore; "Harry": Henry, Harold) lists each, and two names are one when their forms meet.

const SHORT_FORMS: Record<string, readonly string[]> = {
  william: ['bill', 'billy', 'willie', 'liam'],
  robert: ['bob', 'bobby', 'robbie', 'bert'],
  richard: ['dick', 'rick', 'ricky', 'richie'],
  charles: ['chuck', 'charlie', 'chas'],
  james: ['jim', 'jimmy', 'jamie'],
  john: ['jack', 'johnny'],
  joseph: ['joe', 'joey'],
  michael: ['mike', 'mikey', 'mick'],
  edward: ['ed', 'eddie', 'ted', 'ned'],
  theodore: ['ted', 'teddy', 'theo'],
  thomas: ['tom', 'tommy'],
  anthony: ['tony'],
  daniel: ['danny'],
  david: ['dave', 'davey'],
  andrew: ['andy', 'drew'],
  henry: ['hank', 'harry'],
  harold: ['harry', 'hal'],
  lawrence: ['larry'],
  laurence: ['larry'],
  gerald: ['gerry', 'jerry'],
  jerome: ['jerry'],
  frederick: ['freddie'],
  francis: ['frank'],
  timothy: ['timmy'],
  zachary: ['zack'],
  albert: ['al', 'bert'],
  alfred: ['al', 'alf'],
  vincent: ['vinny'],
  nathaniel: ['nate'],
  nathan: ['nate'],
  jonathan: ['jonny'],
  gabriel: ['gabe'],
  eugene: ['gene'],
  abraham: ['abe'],
  terence: ['terry'],
  terrence: ['terry'],
  randall: ['randy'],
  jacob: ['jake'],
  elizabeth: ['liz', 'lizzie', 'beth', 'betsy', 'betty', 'libby'],
  margaret: ['maggie', 'peggy', 'meg', 'marge', 'margie'],
  katherine: ['kate', 'katie', 'kathy', 'kat'],
  catherine: ['kate', 'katie', 'cathy', 'cat'],
  kathleen: ['kathy', 'kate'],
  jennifer: ['jenny'],
  rebecca: ['becky', 'becca'],
  susan: ['sue', 'susie'],
  suzanne: ['sue', 'suzy'],
  deborah: ['debbie', 'deb'],
  patricia: ['patty', 'trish', 'tricia'],
  barbara: ['barb'],
  victoria: ['vicky', 'tori'],
  cynthia: ['cindy'],
  judith: ['judy'],
  dorothy: ['dottie', 'dot'],
  alexander: ['sandy'],
};

/** Each short form → the long names it stands for; each long name → itself. */
const LONG_NAMES = new Map<string, string[]>();
for (const [long, shorts] of Object.entries(SHORT_FORMS)) {
  LONG_NAMES.set(long, [...(LONG_NAMES.get(long) ?? []), long]);
  for (const s of shorts) LONG_NAMES.set(s, [...(LONG_NAMES.get(s) ?? []), long]);
}

/**
 * Whether one given name is a usual short form of the other, or both of one long name: "Chuck"/"Charles",
 * "Bill"/"William", "Ted"/"Ed" (both Edward). Case is ignored; unknown names never match.
 */
export function sameNameByShortForm(a: string, b: string): boolean {
  const x = LONG_NAMES.get(a.toLowerCase().replace(/\.$/, ''));
  const y = LONG_NAMES.get(b.toLowerCase().replace(/\.$/, ''));
  return x !== undefined && y !== undefined && x.some((n) => y.includes(n));
}
