// Whether a sentence may speak in the digest's own voice. A digest reads as one neutral account, so a
// sentence that only makes sense on its page (a caption, a headline, a "Related:" link), leans on a sentence
// the digest does not have ("But the plan…", "The new projection…"), asks, or argues ("I think the ruling is
// wrong.") is not digest material, however well corroborated its fact.
import { tokenize } from '../../annotate/tokens.js';
import { isPhotoCaption } from '../../text/captions.js';
import { mentionsContribution } from '../../text/credits.js';
import { isTitleAbbreviation } from '../../text/names.js';
import { isNoteAboutTheStory } from '../../text/newsroom-notes.js';
import { authorVoice, firstPersonEvaluative, firstPersonStance } from '../../text/opinion.js';
import { isEvaluativeWord, NEGATIVE_WORDS, POSITIVE_WORDS, valenceOf } from '../../text/tone.js';
import { stem } from '../../text/words.js';

// Links and calls to action: "Related: …", "Read more: …", "Watch: …", "Sign up for our newsletter", an
// outlet's promotion of its own unit run into the text ("Join the Example Video Club Go behind the scenes.").
const LINK_LINE =
  /^(?:related|read more|read also|also read|more|see also|watch|listen|click here|sign up|subscribe|follow us|recommended|trending|join (?:us|our|the)\b)\b[\s:|–—-]/i;
const LINK_ANYWHERE =
  /\b(?:sign up for|subscribe to our|click here|read more:|related coverage:|as an interest|stay up to date|follow (?:us|our coverage)|download (?:the|our) app)/i;
// A call to the reader opening the sentence: "Become a member of our video club today.", "Get the morning
// briefing delivered to your inbox.", "Follow her on social media.", "Send tips to …", "Check out the full
// video here." Read on allsides articles of March–June 2019: such openers were furniture or a columnist
// addressing the reader; "Support for the bill rose …" is a noun and does not match.
// A lead-in before the call does not change it: "For the latest forecast of the storm, visit the weather
// service." (read on a hurricane story of October 2016).
const READER_CALL =
  /^(?:for [^,]{1,80},\s*)?(?:join|get|follow|subscribe|download|share|check out|send|become|tell|listen|try|visit|donate)\s+(?:us|our|me|him|her|them|the|this|these|a|an|your|my|tips|to this|via|[#@])/i;
// Page furniture around the report: a wire or contributor credit ("Jane Doe and The Example Press contributed
// to this report."), a commentary's disclaimer ("The views expressed here are the author's own."), an
// advertisement slot left in the text.
// The newsroom's own steps ("The Daily Example reached out to the company for comment.", "The site removed the
// post after an inquiry from the Example News Service.", "… as the Ledger exclusively reported") tell how the
// story was reported, not what happened; so does a syndication notice ("Content created by the Example News
// Service is available without charge to …"), a request for comment ("The agency left our request for
// comment unanswered.") and a newsletter box run into the text ("Sign up today …").
const CREDIT_LINE =
  /\breached out to\b|\b(?:after|following|in response to)\s+(?:an?\s+)?(?:inquiry|inquiries|query|queries|questions|request for comment)\s+from\b|\bexclusively (?:reported|revealed|obtained)\b|\bcontent created by\b|\brequests? for (?:comment|more information)\b|\bsign up (?:today|now|here)\b|\bby signing up\b|\bavailable without charge\b|\breprinted with permission\b|\bviews expressed (?:in|here|are)|\bopinions expressed (?:in|here|are)|^\s*advertisement\s*$/im;
// Links of a page's sidebar run into the text: a name printed twice in a row ("Former Vice President Jane
// Roe Jane RoeSenators introduce …") or a sentence cut before its stop ("… fundraiser raises .").
// A link's words glued to the next link's ("… Edward DoeSenators face a test …": a surname run into a
// plural) count too; names with a short capitalised prefix ("MacArthur", "McAllister", "YouTube", "WikiLeaks")
// do not match.
const SIDEBAR = /\b(\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+) \1|\s[.!?]$|\b\p{Lu}\p{Ll}{3,}\p{Lu}\p{Ll}{5,}/u;
// A label before a colon: in capitals ("THE FACTS: His decision …", "UPDATE: …"), or a short lead-in of a
// few words before a capitalised clause ("The bottom line: The plan …", "Why it matters: Prices …").
const LABEL_PREFIX = /^(?:[\p{Lu}\d][\p{Lu}\d '’&-]{2,}|(?:[\p{L}'’-]+\s){0,3}[\p{L}'’-]+):\s+[\p{Lu}\d]/u;
// Openers that answer or contrast a sentence the digest may not hold: "But …", "And …", "Still, …". Not
// "Nevertheless, the agency says …": the clause after it usually states its own claim.
const CONTRAST_OPENER = /^(?:(?:but|and|yet|however|nor|or)\b|still,)/i;
// Connectives that continue an argument or an account the digest does not hold: "In fact, one senator …",
// "True, the board backed …", "Separately, police said …", "Now those early lessons …", "Indeed, …",
// "Overall, the rulings …" (a sum of what came before), "Here, both courts …", "As for the others, …",
// "By contrast, …", "At first blush, …" (an argument's turn), "As with the first bill, …" (which first bill?),
// "First, the levy …" (a list the digest does not hold), "So the new levy would …" (an argument's conclusion;
// "So far, …" is a time).
const CONTINUATION_OPENER =
  /^(?:in fact|true|indeed|separately|meanwhile|moreover|furthermore|additionally|likewise|similarly|instead|again|also|besides|otherwise|of course|in other words|in short|after all|even so|ultimately|now|overall|here(?=,)|as for|as such|in turn|by contrast|in contrast|like with|as with|for example|for instance|first|second|third|finally|lastly|so(?!\s+(?:far|much|many|long)\b|-called)|on the other hand|at first (?:blush|glance|sight)|to be sure|what's more|what’s more|all told|in sum|in the end|for (?:his|her|their|its) part|to top it off|on top of (?:that|this|it)|either way|in any case|in any event|that said|even then|regardless|not)\b/i;
// The same turn after a short subject: "The mayor, for her part, says …", "The board, meanwhile, voted …",
// "Doe, however, said …" — the other part is in a sentence the digest does not hold.
const SUBJECT_THEN_CONTINUATION =
  /^[^,;:“”"]{2,40},\s+(?:for (?:his|her|their|its) part|meanwhile|however|in turn|by contrast|in contrast|instead|too|though|likewise|similarly),/i;
// The same turn after the verb: "The two sides have agreed, however, to meet again …", "The board, though,
// …" further in, "One thing is clear, however: the vote is off." — a contrast with a sentence the digest
// does not hold.
const CONTRAST_INSIDE = /,\s+(?:however|though|nonetheless|nevertheless)\s*[,.:;]/i;
// A time placed by a sentence the digest may not hold: "A week later, the race moves …", "The next day, …",
// "Two hours earlier, …". ("Two days after the vote, …" names its anchor and stands.)
const TIME_ANCHORED_OPENER =
  /^(?:(?:(?:less|more|fewer)\s+than\s+|about\s+|nearly\s+|almost\s+|some\s+|just\s+|only\s+|barely\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)\s+(?:minute|hour|day|week|month|year)s?\s+(?:later|earlier|before|after)\b(?!\s+(?:the|a|an|his|her|their|its)\b)|(?:the\s+)?(?:next|following|previous)\s+(?:morning|day|night|week|month|year)\b|(?:moments|minutes|hours|days|weeks|months|years)\s+(?:later|earlier)\b|(?:later|earlier|afterwards?|then|by then|since then|at the time|at that point|until then)\b)/i;
// A lead-in about a pronoun ("In it, the aide discusses …", "Under that, …"), an event placed after "since"
// with nothing to be since ("The board has since changed …"), "a similar X", "similar figures" (similar to
// what? — "similar to last year's" says), "the lawsuit in question".
// "The agency says that's up to the board." (what is?);
// "… went on to say …" and "Ms Doe then said …" continue an account the digest does not hold ("if …, then …"
// and "since then" do not).
const POINTING_BACK =
  /^(?:in|on|at|from|with|by|for|under|after|before|during|of|to|beyond|besides)\s+(?:it|this|that|them|these|those)\s*,|\b(?:has|have|had)\s+since\b|\bin question\b|\bsimilar\b(?![^.,;:]*\b(?:to|as)\b)|\bwent on to\b|\b(?:says|said|say)\s+(?:that['’]s|that is|this is)\b|\b(?:for|of|because of|despite|besides|beyond|like|after|before)\s+(?:that|this)\s*(?:is|was|are|were|,|\.)/i;
// "X then <verb>" continues an account ("Ms Doe then said …"); "if …, then …" is a condition, not a sequel,
// so only this pattern gives way to an "if" in the sentence ("The cause of that is, if it passes, …" still
// points back).
const THEN_SEQUEL = /\b(?<!(?:and|since|until|by|even|just|only|back)\s+)then\s+(?!-)[a-z]/i;
// A time placed by another sentence anywhere in the outlet's voice: "The council, two years later, approved
// …", "… and the next day the board resigned.", "… around the same time." (The opener form is
// TIME_ANCHORED_OPENER.) "Two days after the vote" names its anchor; "later the same day" is placed by the
// day the sentence itself names.
const TIME_ANCHORED_INSIDE =
  /\b(?:at|around|about|by)\s+the\s+same\s+time\b|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)\s+(?:minute|hour|day|week|month|year)s?\s+(?:later|earlier)\b(?!\s+than\b)|\bthe\s+(?:next|following|previous)\s+(?:morning|day|night|week|month|year)\b/i;
// A day named relative to the article's own date, in the outlet's voice or a quotation: "The vote came late
// last night.", "“Tonight we celebrate,” she said." A digest gathers articles of different days, and its
// reader cannot tell which night "last night" was, nor which week "last week" or which Thursday "this
// Thursday" ("Last week, the judge paused the order until this Thursday."); "on Tuesday", "Tuesday night",
// "last month" and "last year" stand (the blind check's judge read "the jobless rate rose last month" as
// placed well enough: a monthly figure names its month by the report).
const RELATIVE_DAY =
  /\b(?:yesterday|tomorrow|tonight|last night|this (?:morning|afternoon|evening)|(?:earlier|later) today|(?:last|next) (?:week|weekend|fall|autumn|spring|summer|winter)|(?:this|next|last) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b/i;
// A reply printed without what it answers: "Doe responded, “Not this year,” and left." — alone in the digest
// the reader does not know the question. ("Doe responded to the report …" names what it answers.)
const BARE_REPLY =
  /^[\p{Lu}][^,;:“”"]{0,40}?\s(?:responded|replied|answered|retorted|shot back|fired back)\s*[,:]/u;
// A sentence split inside a party tag or initials: "… the committee chairman, Jon Doe, R-S." (the rest,
// "C., said …", is the next "sentence").
const CUT_AT_ABBREVIATION = /(?:\b[A-Z]-[A-Z]|\s[A-Z]\.[A-Z])\.$/;

/** A sentence cut after a title written short: "Republicans are replaying a clip of then-Sen." */
function endsOnTitle(text: string): boolean {
  const last = /(?:^|[\s-])(\p{L}+)\.$/u.exec(text);
  return last !== null && isTitleAbbreviation(last[1] as string);
}
// "this" or "these" with a noun anywhere in the outlet's voice points at something said before ("after this
// decision", "explanations such as these"), unless the noun is a time ("this week", "these days").
// "such a X" too: "… denied attending such a party." — which party?
const DEMONSTRATIVE_NOUN =
  /\b(?:this|these)\s+([a-z][a-z-]*)|\b(?:such as|like)\s+(?:this|these|those)\b|\bsuch\s+an?\s+(?!(?:[a-z]+\s+){0,2}that\b)([a-z][a-z-]*)/gi;
// "that X" after a preposition points back too ("eager to engage on that message", "in that case", "to that
// end"); "that" after a verb is a conjunction ("said that officials …") and is left alone.
const THAT_NOUN =
  /\b(?:on|in|of|to|for|with|about|from|by|at|under|after|before|over|against|despite)\s+that\s+(?!(?:is|was|are|were|has|had|have|will|would|could|can|may|might|must|should|did|does|do|the|a|an|he|she|it|they|we|i|you|his|her|its|their|our|this|these|those|there|if|when)\b)([a-z][a-z-]*)/gi;
// "those X" points back the same way ("In each of those cases, the court …"), unless what follows says which
// ("those voters who stayed home", "those in the room", "those killed in the fire").
const THOSE_NOUN =
  /\bthose\s+(?!(?:who|whom|whose|which|that|of|in|on|at|from|for|with|under|over|still|already|[a-z]+ed)\b)([a-z][a-z-]*)\b(?!\s+(?:who|whom|whose|that|which|with|in|of|on|at|from|for|under|over|[a-z]+ed)\b)/gi;
const TIME_NOUNS = new Set(
  'year years week weeks month months day days morning afternoon evening night weekend season summer fall autumn winter spring time times century decade quarter term session cycle'.split(
    ' ',
  ),
);
// An argument turning to its reader: "Imagine that the vote fails.", "Consider the numbers.", "Let's be
// clear:" — a report tells, it does not ask the reader to picture or weigh.
const READER_IMPERATIVE =
  /^(?:imagine|consider|remember|recall|think about|think of|look at|note that|don['’]t forget|let['’]s|let us|picture)\b/i;
// A short lead-in, then a subject that points back: "Two years later, their efforts …", "On Tuesday, he
// said …", "In this economy, that counts as …". (A pronoun at the very start is scored in index.ts.)
const LEAD_IN_PRONOUN =
  /^[^,;:“”"]{2,50},\s+(?:he|she|it|they|his|her|its|their|this|that|these|those|we|i|you|our)\b(?!,)/i;
// Evaluative adjectives and adverbs of news prose that the tone lexicon (text/tone.ts) lacks or rates mild:
// the outlet's voice judging ("an extraordinary attack", "the infamous memo", "a meager gain", "a
// sensational charge"). Words a reporter uses to describe rather than judge ("major", "significant",
// "unprecedented") are left out. The sentence adverbs of stance ("apparently", "clearly", "evidently",
// "admittedly") are the author weighing the claim; in allsides articles of 2018 outside quotation marks
// "evidently" (19), "admittedly" (14) and "undeniably" (2) were all such asides, while "plainly" and
// "supposedly" also describe a manner or report a doubt and are left out.
const EVALUATIVE = new Set(
  'apparently extraordinary infamous notorious sensational stunning staggering shocking banal startling astonishing remarkable dramatic dramatically meager meagre anemic dismal lackluster lacklustre disappointing disappointingly embarrassing humiliating disastrous catastrophic reckless absurd ridiculous outrageous shameful disgraceful brazen brazenly blatant blatantly egregious baseless bogus dubious unpersuasive laughable pathetic brilliant brilliantly impressive stellar masterful inspiring heroic vile nasty sinister chilling alarming alarmingly troubling worrying bombshell scathing blistering ominous ironically sadly unfortunately fortunately tragically thankfully hopefully surprisingly predictably conveniently curiously oddly clearly obviously certainly simply actually really truly undoubtedly arguably frankly honestly literally evidently undeniably admittedly wish-list'.split(
    ' ',
  ),
);
// Words that colour how an event went or felt instead of saying what happened, in the outlet's voice: "a
// heated exchange", "a contentious hearing", "a fraught moment", "a glowing review", "a booming market", "a
// bruising race", "the incensed minister", "party also-rans". VADER rates them mildly or not at all, but
// the blind check's judge (eval/blind/RULES.md: a mildly loaded word is "unsure", which fails) marked
// every such word met in a digest sentence, so a digest leaves them to the outlets. ("Quick to pounce",
// "prying", "vehemently" and "climbdown" were read in fresh allsides digests; "mob" for a crowd of protesters
// is the outlet's word, not the crowd's.)
const COLOURING = new Set(
  'heated contentious fraught glowing booming thriving fiery testy bruising raucous feisty combative explosive messy bizarre improbable poignant heartfelt rousing triumphant stinging withering incensed enraged livid outraged furious jubilant gleeful defiant beleaguered embattled hapless vaunted much-vaunted storied also-ran also-rans has-beens wannabe wannabes cronies lackeys stooges shills prying habitually vehemently berated berating climbdown pounce pounced pouncing mob woes'.split(
    ' ',
  ),
);
// A word that colours only before a noun: "a moving tribute", "an unlikely state", "a touching scene" ("moving
// forward", "unlikely to pass" report).
const ATTRIBUTIVE_COLOURING =
  /\b(?:a|an)\s+(?:moving|touching|unlikely|surprising|curious|strange|odd|welcome|rare)\s+(?!to\b|that\b|(?:truck|van|company|companies|target|part|parts|walkway|vehicle|car|train|picture|pictures|image|images|violation|screen)\b)(?=[a-z])/i;
// A degree of feeling or quality asserted by the outlet: "The judge was so angered that she read …", "such a
// close race that …" — the outlet measures a state of mind or a quality, not an event.
const DEGREE_CLAUSE =
  /\bso\s+(?!much\b|many\b|far\b|long\b|that\b|as\b)[a-z]+\s+that\b|\bsuch\s+an?\s+[a-z]+\s+[a-z]+\s+that\b/i;
// A flourish of the sports page or the columnist: a comparison opening the sentence ("Much as he did in the
// last campaign, the senator …"; a simile on a pronoun whose person comes later, "Just as he dodged defenders
// on the field, the player dodged the cameras …" — "Just as the vote began, …" is a time, and stays), a vivid
// verb of motion or fight ("dove right into attacking her", "charged headlong into the fight", "the bill
// sailed through the council", "throws punches at the mayor", "ginning up a feud"), or a verdict on the
// economy ("the surging economy", "an ailing economy").
const FLOURISH =
  /^much as\b|^just as (?:he|she|they)\b|\b(?:surging|soaring|booming|roaring|sizzling|red-hot|sputtering|ailing|limping|faltering|anemic)\s+economy\b|\bsail(?:ed|s|ing)\s+(?:through|past)\b|\bthrow(?:s|ing)?\s+punches\b|\bgin(?:s|ned|ning)?\s+up\b|\b(?:dove|dived|jumped|launched|waded|plunged|tore|charged|leapt|leaped)\s+(?:right|straight|headlong|headfirst)\b|\b(?:took|takes|taking|take)\s+(?:a\s+)?swipes?\s+at\b|\b(?:came|come|comes|coming)\s+out\s+swinging\b|\bbarrel(?:s|ed|led|ing|ling)?\s+(?:ahead|forward|through)\b|\bdevolv(?:ed|es|ing)\s+into\b|\bhead-on\b|\b\w+['’]s\s+to\s+lose\b/i;

// VADER adjectives by their ending ("furious", "awful", "horrible", "pathetic"), rated strongly: a reporter
// rarely needs them to say what happened. These few describe instead ("a largely peaceful march", "a
// successful launch", "a dangerous storm").
const ADJECTIVE_ENDING = /(?:ous|ful|less|ible|able|ic)$/;
const DESCRIPTIVE_ADJECTIVES = new Set(
  'peaceful successful dangerous careful helpful powerful hopeful respectful homeless harmless valuable vulnerable comfortable reasonable favorable favourable unable capable responsible acceptable'.split(
    ' ',
  ),
);
const STRONG_VALENCE = 2;

function strongly(word: string): boolean {
  const v = valenceOf(word);
  return v !== undefined && Math.abs(v) >= STRONG_VALENCE;
}

// Verbs and phrases of combat or of the columnist, in the outlet's voice: "the senator blasted the plan", "took
// a parting shot at", "the photo op", "…, of course.", and blame or credit handed out ("the deadlock is the fault
// of the council", "the board is to blame"). Reported speech keeps its own words ("called it a
// photo op") inside quotation marks, which the author's voice leaves out. "Slammed into" is a collision.
// So is a charge by omission: "the mayor has yet to explain why her office sat on the warning" accuses in
// the outlet's voice what a report would put as "did not answer questions about …" (one outlet's such
// sentence became the demo digest's last line once the one-event rule changed which facts are shared).
// And a verdict by comparison with nothing measured: "The second county, another stronghold of the party,
// isn't much better." ("much better than forecast" measures, and is left alone.)
const LOADED_PHRASE =
  /\b(?:(?:is|are|was|were)(?:n['’]t|\s+not)?\s+(?:much|any|no|even|far)\s+(?:better|worse)\b(?!\s+(?:than|off)\b)|blast(?:ed|s)|slam(?:med|s)(?! into)|lambast(?:ed|s)|ripp?(?:ed|s) into|bash(?:ed|es)|torch(?:ed|es)|rail(?:ed|s) against|lash(?:ed|es) out|took a (?:veiled |parting )?shot|photo op|of course|the fault of|(?:is|are|was|were) to blame|deserves? (?:the )?(?:blame|credit)|(?:has|have|had) yet to (?:explain|say why|answer for|account for))\b/i;

// Label-lexicon words that, in a sentence rather than a label, usually report a fact or a plain verb: "was
// convicted of fraud", "the ousted leader fled", "a failed bid", "celebrated the win", "a terrorist attack".
const FACTUAL_IN_SENTENCE = new Set(
  'convicted indicted ousted fugitive failed popular terrorist regime junta celebrated reformer reformist peacemaker would-be aggressor'.split(
    ' ',
  ),
);
// VADER adverbs in -ly rate a judgement of the manner ("shamefully", "devastatingly", "happily"); these
// few describe what happened instead ("badly damaged", "seriously injured", "safely landed").
const DESCRIPTIVE_ADVERBS = new Set(
  'badly seriously severely critically successfully safely freely fairly easily strongly sharply heavily gravely fatally violently peacefully'.split(
    ' ',
  ),
);

// Small words that stay lower case in a Title Case headline.
const TITLE_SMALL = new Set(
  'a an the of in on at to for and or nor but with by from as vs via into over after about up out is'.split(
    ' ',
  ),
);
// A subject that points back: "The new projection …", "The decision …", "This move …", "Such claims …",
// after a short lead-in too ("Combined, these trends …"); "The first is …" (the first of what?).
const BACK_REFERENCE =
  /^(?:[\p{L}-]+,\s+)?(?:the\s+(?:new|latest|same|aforementioned|above)\s+([a-z]+)|the\s+(decision|move|announcement|measure|ruling|statement|remarks|comments|step|development|change|shift|findings|revelation|incident|episode|report|news|reason|response|reaction)\b|(?:this|that|these|those|such)\s+([a-z]+)|the\s+(?:first|second|third|former|latter)\s+(is|was|are|were)\b|the\s+(?:two|three|four|five|both)\s+([a-z]+))/iu;
// A speech verb outside the quotation marks says whose words a quotation is.
const SPEECH =
  /\b(?:said|says|say|told|tells|asked|added|adds|wrote|writes|tweeted|posted|stated|declared|announced|according to|insisted|argued|warned|explained|noted|replied)\b/i;

// The author in the first person singular, outside quotation marks: a host's aside in a transcript ("Once in a
// while, the spotlight swings my way."), a columnist's anecdote ("I asked the mayor twice."). The digest
// speaks for no one. "I" counts before a verb only ("World War I", "Elizabeth I" are names).
const FIRST_PERSON_SINGULAR =
  /\b(?:me|my|mine|myself)\b|\bI(?:['’](?:m|ve|d|ll)\b|\s+(?:am|was|have|had|think|thought|believe|know|knew|do|did|don['’]t|didn['’]t|will|would|can|could|asked|told|said|saw|went|remember|want|wanted|mean)\b)/;

// A comparison whose other side is in a sentence the digest may not hold: "Two other senators were more
// optimistic, telling reporters …", "The governor appeared less certain." — more optimistic than whom? A
// "than" in the sentence says ("… were more optimistic than the chairman"); "there are more suspects" counts
// things.
const BARE_COMPARISON =
  /(?<!\bthere\s+)\b(?:is|are|was|were|be|been|being|appeared|appears|seemed|seems|sounded|sounds|looked|looks|remained|remains|became|becomes|grew|grows|felt|feels)\s+(?:far\s+|much\s+|even\s+|somewhat\s+|slightly\s+|still\s+)?(?:more|less)\s+(?!than\b|of\b|and\b|or\b)[a-z]{4,}\b/i;

// The first person plural outside quotation marks in a report: an official's line whose quotation marks the
// page lost ("Today's ruling clears the way for our office to continue the inquiry."), or the newsroom
// itself. The digest speaks for neither. (A sentence opening on "We" is danglingStart's, src/text/sentence-openers.ts.)
const FIRST_PERSON_PLURAL = /\b(?:we|our|ours|us|ourselves)\b/;
// "In response" with nothing it responds to, in the outlet's voice: "The minister posted a string of messages
// in response, …" — to what? ("in response to the ruling" says; a speaker's "in response" is the speaker's.)
const BARE_RESPONSE = /\bin (?:response|reply)\b(?!\s+(?:to|for)\b)/i;
// A verb phrase standing for one said before: "The agency later ordered the bureau to do just that.", "…
// said he was ready to face punishment for doing so." — do what? ("did so on Monday" is the same pro-form.)
const PRO_VERB =
  /\b(?:do|does|did|doing|done)\s+(?:just\s+|exactly\s+|precisely\s+)?(?:so\b|(?:that|the same)(?=\s*(?:[.,;:]|$|\s+(?:by|when|after|before|in|on|at|for|with|because|if|until|again|too|now|then|while|without|last|next|this)\b)))/i;
// A speech verb that continues an account, with nothing said after it: "The former governor continued,
// speaking directly to the crowd.", "Doe added." — continued from what? A sentence that goes on to say
// what ("added that the plan …", "continued to push …") or holds the quotation is left alone.
const CONTINUED_SPEECH =
  /^[^,;:“”"]{2,60}?\s(?:continued|continues|went on|goes on|added|adds|concluded|concludes|elaborated|followed up)\s*[,.;:—–-]/;
// A subject that counts people or things named before: "Each has also met with the nominee.", "Both have
// said they will vote no.", "Neither of them answered.", "Others warn the plan is costly." — each of whom,
// others than whom? ("Both chambers passed …" says.)
const COUNTING_SUBJECT =
  /^others\s+[a-z]|^(?:each|both|neither|either|all|none)(?:\s+of\s+(?:them|those|these|us))?\s+(?:has|have|had|is|are|was|were|will|would|can|could|may|might|must|should|did|does|do|also|said|says|told|agreed|declined|voted|[a-z]+ed)\b/i;
// Text of an embedded post or page run into the sentence: a handle in parentheses ("Ann Doe (@anndoe) The
// minister puts …"), a picture link, an HTML entity left unconverted ("… &amp; says she …").
const EMBED_TEXT = /\(@\w{2,}\)|\bpic\.twitter\.com\b|&(?:amp|lt|gt|quot|apos|nbsp|#\d{2,5});/i;

/** Why a sentence cannot open a digest or stand in it, or null when it can. */
export function notDigestMaterial(text: string, voice = authorVoice(text)): string | null {
  if (isPhotoCaption(text)) return 'photo caption or credit';
  if (LINK_LINE.test(text) || LINK_ANYWHERE.test(text) || READER_CALL.test(text))
    return 'link or call to action';
  if (CREDIT_LINE.test(text) || mentionsContribution(text) || isNoteAboutTheStory(text))
    return 'credit, disclaimer or advertisement';
  if (LABEL_PREFIX.test(text)) return 'label-prefixed line';
  if (SIDEBAR.test(text) || EMBED_TEXT.test(text)) return 'web page text run into the sentence';
  if (headlineLike(text)) return 'headline';
  if (
    CONTRAST_OPENER.test(text) ||
    CONTINUATION_OPENER.test(text) ||
    SUBJECT_THEN_CONTINUATION.test(text) ||
    CONTRAST_INSIDE.test(voice)
  )
    return 'opens with a contrast or continuation';
  if (LEAD_IN_PRONOUN.test(text)) return 'a pronoun subject after a lead-in';
  if (TIME_ANCHORED_OPENER.test(text)) return 'opens with a time placed by another sentence';
  if (POINTING_BACK.test(text) || (THEN_SEQUEL.test(text) && !/\bif\b/i.test(text)))
    return 'points back to something said before';
  if (TIME_ANCHORED_INSIDE.test(voice)) return 'a time placed by another sentence';
  if (BARE_RESPONSE.test(voice) || PRO_VERB.test(voice)) return 'points back to something said before';
  if (CONTINUED_SPEECH.test(text) && !/["“”]/.test(text))
    return 'continues an account the digest does not hold';
  if (COUNTING_SUBJECT.test(text)) return 'a subject counting people named before';
  if (BARE_REPLY.test(text)) return 'a reply without what it answers';
  if (RELATIVE_DAY.test(text)) return "a day named relative to its article's date";
  if (CUT_AT_ABBREVIATION.test(text) || endsOnTitle(text)) return 'cut inside an abbreviation';
  if (/\?["”’]?\s*$/.test(text)) return 'question';
  // "The cartels are now so big you need an army to beat an army!" — a report does not exclaim; a quoted
  // exclamation keeps its speaker's mark inside the quotation marks.
  if (/!\s*$/.test(voice)) return 'exclamation in the outlet’s voice';
  if (READER_IMPERATIVE.test(text)) return 'addresses the reader';
  if (firstPersonStance(voice) || firstPersonEvaluative(voice)) return 'first-person evaluative language';
  if (FIRST_PERSON_SINGULAR.test(voice)) return "the author's own first person";
  if (FIRST_PERSON_PLURAL.test(voice)) return 'a first person plural outside quotation marks';
  if (BARE_COMPARISON.test(voice) && !/\bthan\b/i.test(voice)) return 'a comparison with nothing compared';
  if (unattributedQuote(text, voice)) return 'quotation without its speaker';
  if (QUOTED_POINTER.test(text)) return 'a quotation opening on a pronoun that points back';
  const judging = evaluativeWord(voice) ?? evaluativeAdjective(voice);
  if (judging !== null) return `evaluative word in the outlet's voice (“${judging}”)`;
  if (speculation(voice)) return "a prediction in the outlet's voice";
  if (publicMood(voice)) return "a public's mood asserted without a source";
  return null;
}

/**
 * The first word of the author's voice (quotations blanked) that judges rather than reports, or null: an
 * epithet or word of praise of the label lexicon ("so-called", "radical"), a news-prose evaluative
 * ("extraordinary", "meager"), or a VADER-rated adverb of manner ("devastatingly"). VADER's nouns and verbs
 * stay: "killed", "attack", "won" report events.
 */
export function evaluativeWord(voice: string): string | null {
  const phrase =
    LOADED_PHRASE.exec(voice) ??
    ATTRIBUTIVE_COLOURING.exec(voice) ??
    DEGREE_CLAUSE.exec(voice) ??
    FLOURISH.exec(voice);
  if (phrase) return phrase[0].toLowerCase();
  const words =
    voice
      .toLowerCase()
      .replace(/[’']/g, "'")
      .match(/[a-z][a-z'-]*/g) ?? [];
  for (let i = 0; i < words.length; i++) {
    const w = (words[i] as string).replace(/'s$/, '');
    const pair = i + 1 < words.length ? `${w} ${words[i + 1]}` : '';
    if (NEGATIVE_WORDS.has(pair) || POSITIVE_WORDS.has(pair)) return pair;
    if (EVALUATIVE.has(w) || COLOURING.has(w)) return w;
    if ((NEGATIVE_WORDS.has(w) || POSITIVE_WORDS.has(w)) && !FACTUAL_IN_SENTENCE.has(w)) return w;
    if (w.endsWith('ly') && !DESCRIPTIVE_ADVERBS.has(w) && isEvaluativeWord(w)) return w;
    if (ADJECTIVE_ENDING.test(w) && !DESCRIPTIVE_ADJECTIVES.has(w) && strongly(w)) return w;
  }
  return null;
}

// Adjectives VADER rates that news uses to classify rather than judge: "a guilty plea", "an illegal
// immigrant", "a violent crime", "a dead soldier", "a free press", "a fair trial", "a safe distance", "a
// strong storm", "the lame-duck session", "a great deal", "a good deal", "the top aide".
const CLASSIFYING_ADJECTIVES = new Set(
  'guilty illegal violent dead free fair safe strong stronger strongest lame great good better best top true false injured wounded wealthy poor rich clean dirty healthy sick secure'.split(
    ' ',
  ),
);

/**
 * The first adjective of the author's voice that the tone lexicon rates (VADER, at least MIN_VALENCE either
 * way) and that modifies a noun, or null: "another bold move", "a bitter nominating contest", "questionable
 * tactics", "dire warnings". The word-ending rule of evaluativeWord catches "furious" or "pathetic"; this
 * one reads wink's part of speech, so "bitter" or "bold" before a noun count while "a threat to", "a ban on",
 * "a rescue package" (nouns VADER rates) do not.
 */
export function evaluativeAdjective(voice: string): string | null {
  if (!/\p{L}/u.test(voice)) return null;
  const { tokens } = tokenize({
    text: voice,
    paragraphs: [{ start: 0, end: voice.length, kind: 'paragraph' }],
  });
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    // The noun may follow a gerund or a second adjective: "a bitter nominating contest".
    const modified =
      next?.pos === 'NOUN' || next?.pos === 'ADJ' || (next?.pos === 'VERB' && next.text.endsWith('ing'));
    // wink tags some adjectives after an article as adverbs ("a/DET bitter/ADV nominating contest").
    const adjective = t?.pos === 'ADJ' || (t?.pos === 'ADV' && tokens[i - 1]?.pos === 'DET');
    if (!t || !adjective || !modified) continue;
    const w = t.text.toLowerCase();
    if (CLASSIFYING_ADJECTIVES.has(w) || FACTUAL_IN_SENTENCE.has(w) || DESCRIPTIVE_ADJECTIVES.has(w))
      continue;
    // A superlative ranks ("the richest families", "the deadliest storm"): a report's measure, not a verdict.
    if (w.endsWith('est')) continue;
    // A name's word ("the Bold Street shop") is not the outlet judging.
    if (/^\p{Lu}/u.test(t.text) && i > 0) continue;
    if (valenceOf(w) !== undefined) return w;
  }
  return null;
}

/**
 * Whether a sentence continues a quotation opened earlier in its paragraph, given the paragraph's text
 * before it: 'The mayor said: "We are not done. We will be back next year."' — the second sentence has no
 * quotation mark of its own, and alone in the digest it would read as the outlet's words.
 */
export function continuesQuotation(before: string): boolean {
  const open = before.match(/“/g)?.length ?? 0;
  const close = before.match(/”/g)?.length ?? 0;
  const straight = before.match(/"/g)?.length ?? 0;
  return open > close || straight % 2 === 1;
}

/** Title Case with nothing lower case but small words: "Senate Passes Sweeping Farm Bill." */
function headlineLike(text: string): boolean {
  const words = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (words.length < 3) return false;
  return words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && TITLE_SMALL.has(w.toLowerCase())));
}

// A modal of prediction or possibility in the outlet's voice: "Prices would rise sharply.", "The ruling could
// help the governor." A report says what happened or who expects what; with no one to attribute it to, the
// prediction is the outlet's. A proposal's content is stated with "would" in plain news ("The bill would
// cap rents at …"), so a sentence about a bill, plan or order keeps it.
// "is going to" / "isn't going to" is the same prediction in a blog's register: "The probe isn't going to
// turn up anything." (of 159 such sentences in allsides articles of 2018 outside quotes, with no speech
// verb and no "if", nearly all were the author's forecast or argument).
const MODAL =
  /\b(?:would|could|might|may|likely to|(?:is|are|isn['’]t|aren['’]t)\s+(?:not\s+)?going to)\s+(?:not\s+|also\s+|still\s+)?[a-z]+/;
const PROPOSAL =
  /\b(?:bill|bills|plan|plans|measure|measures|proposal|proposals|order|orders|rule|rules|law|laws|legislation|policy|deal|agreement|budget|amendment|regulation|regulations|reform|package|ban|change|changes|treaty|provision|provisions)\b/i;

// A public's mood asserted by the outlet with no poll or speaker: "Residents are increasingly fed up with the
// ferry delays." — whose reading of the public is it? ("A poll found most residents are fed up …" has one.)
const PUBLIC_MOOD =
  /\b(?:Americans|Britons|voters|people|residents|citizens|consumers|the public|many|most)\s+(?:are|were|remain|remained|feel|felt|seem|seemed|grow|grew)\s+(?:increasingly\s+|ever\s+more\s+|more\s+|less\s+)?(?:pleased|happy|angry|frustrated|fed up|worried|anxious|optimistic|pessimistic|satisfied|unhappy|upset|skeptical|sceptical|weary|tired|eager|hopeful|fearful|confident)\b/i;
const SOURCE_OF_MOOD = /\b(?:poll|polls|survey|surveys|according to|found|finds|shows|showed)\b/i;

function publicMood(voice: string): boolean {
  return PUBLIC_MOOD.test(voice) && !SPEECH.test(voice) && !SOURCE_OF_MOOD.test(voice);
}

function speculation(voice: string): boolean {
  const modal = MODAL.exec(voice);
  if (!modal || SPEECH.test(voice) || /\b(?:if|unless|expected|expects|predicted)\b/i.test(voice))
    return false;
  // The proposal is what the modal's clause is about: "The bill would cap …", not "… the repeal of rules".
  return !PROPOSAL.test(voice.slice(0, modal.index));
}

// A quotation opening on a pronoun that points back: "“This is going to get built with or without the
// council,” the aide said." — what is "this"? The speaker's words lean on the question or the sentence
// before, which the digest does not hold. ("It" is left alone: "“It is a good day for the port,” …" is an
// expletive as often as not.)
const QUOTED_POINTER =
  /^["“]\s*(?:I (?:think|believe|know) (?:that )?)?(?:this|that|these|those|they|he|she)\s+(?:is|was|are|were|will|would|has|have|had|can|could|should|must|does|did|['’]s|['’]re)\b/i;

/** A quotation that opens the sentence with no speaker outside it: “We will win this fight.” */
function unattributedQuote(text: string, voice: string): boolean {
  return /^["“]/.test(text) && !SPEECH.test(voice);
}

/**
 * The head noun of a subject that refers back ("The new projection" → "projection"), or null. The sentence
 * stands when an earlier digest sentence holds that noun ("… released a projection …", then "The new
 * projection …").
 */
export function backReference(text: string): string | null {
  const said = POSSESSIVE_REFERENCE.exec(text);
  if (said) return (said[1] as string).toLowerCase();
  const m = BACK_REFERENCE.exec(text);
  if (!m) return null;
  if (m[4] !== undefined) return '';
  const demonstrative = m[3]?.toLowerCase();
  // "This was the second time.", "That is why …": the demonstrative is the whole subject, with no noun an
  // earlier sentence could hold.
  if (demonstrative !== undefined) return VERB_AFTER_DEMONSTRATIVE.has(demonstrative) ? '' : demonstrative;
  return (m[1] ?? m[2] ?? m[5])?.toLowerCase() ?? null;
}

// A named person's remarks as the subject, with nothing saying which: "Doe's comments came during a radio
// interview." — which comments? ("Doe's comments on the budget …" says.)
const POSSESSIVE_REFERENCE =
  /^(?:\p{Lu}[\p{L}.’'-]*\s+){0,2}\p{Lu}[\p{L}’'-]*['’]s\s+(comments|remarks|statement|statements|decision|move|announcement|response|reaction|words)\b(?!\s+(?:on|about|at|to|in|during|that|of|before|after|over|regarding|for)\b)/u;

const VERB_AFTER_DEMONSTRATIVE = new Set(
  'is was were are has had have will would could can may might came comes means meant marks marked follows followed includes included comes'.split(
    ' ',
  ),
);

// "the decision", "the move" anywhere in the outlet's voice, not only as the subject: "Officials announced the
// decision to the staff on Monday.", "…, saying the move is meant to cut costs.", "…, according to the source."
// Which decision, which source? A complement
// that says which stands ("the decision to close the plant", "the move by the board", "the announcement
// that …", "the decision of the court").
const DEFINITE_REFERENCE =
  /\b[Tt]he\s+(decision|move|announcement|step|development|incident|episode|revelation|remarks|comments|ruling|measure|source|reason|reaction)\b(?!\s+(?:to\s+(?!(?:the|a|an|his|her|their|its|this|that|these|those|our|my|your)\b)[a-z]|of\b|by\b|that\b|on\b|in\b|about\b|from\b|against\b|over\b|for\b|\p{Lu}))/gu;

/**
 * The noun of a back-referring "the decision", "the move" … anywhere in the outlet's voice without a
 * complement saying which ("saying the move is meant to …" → "move"), or null. The sentence stands when an
 * earlier digest sentence or the title holds the noun.
 */
export function definiteReference(voice: string): string | null {
  for (const m of voice.matchAll(DEFINITE_REFERENCE)) return (m[1] as string).toLowerCase();
  return null;
}

/** Whether a back-referring subject finds its antecedent in the sentences before it. */
export function resolvedIn(noun: string, earlier: readonly string[]): boolean {
  if (noun === '') return false;
  const key = stem(noun);
  return earlier.some((s) => (s.toLowerCase().match(/[a-z]+/g) ?? []).some((w) => stem(w) === key));
}

/**
 * The noun of a "this/these X" in the outlet's voice that points back ("after this ruling" → "ruling"), or
 * '' for "such as these"; null when there is none (time words do not point back: "this week"). The sentence
 * stands when an earlier digest sentence (or the story title) holds the noun.
 */
export function demonstrativeReference(voice: string): string | null {
  for (const m of [
    ...voice.matchAll(DEMONSTRATIVE_NOUN),
    ...voice.matchAll(THOSE_NOUN),
    ...voice.matchAll(THAT_NOUN),
  ]) {
    const noun = (m[1] ?? m[2])?.toLowerCase();
    if (noun === undefined) return '';
    if (!TIME_NOUNS.has(noun)) return noun;
  }
  return null;
}

// The subject of a sentence opening "The …": modifiers and its head noun, up to its verb or a preposition
// ("The two-year-old dog was …" → "dog"; "The heart of the plan is …" → "heart"; "The hearing Monday
// morning dealt with …" → "hearing"; "The event came a week after …" → "event").
const DEFINITE_SUBJECT =
  /^[Tt]he\s+((?:[\p{Ll}\d][\p{L}\d’'-]*\s+){0,3}?)([\p{Ll}][\p{L}’'-]*)\s+(?:(?:on\s+|late\s+|early\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\s+\p{Ll}+|of|is|was|are|were|has|had|have|will|would|could|can|may|might|must|should|did|does|do|said|says|came|went|took|gave|made|began|saw|got|left|found|held|told|kept|brought|led|ran|won|lost|met|sent|fell|rose|grew|drew|spoke|wrote|stood|became|[\p{Ll}]+ed|[\p{Ll}]+s)\b/u;

// The same subject with an aside before its verb: "The report, released by the ministry on Tuesday, found …",
// "The memoir, being published next week, has …" — which report, which memoir?
const DEFINITE_SUBJECT_APPOSITION =
  /^[Tt]he\s+((?:[\p{Ll}\d][\p{L}\d’'-]*\s+){0,3}?)([\p{Ll}][\p{L}’'-]*),\s/u;

// A lead-in naming an occasion by "the" alone: "During the interview, the nominee denied …", "In the Monday
// interview, …", "In the added inquiry, which …" — which interview? The phrase ends at its head noun and a
// comma; "In the wake of the storm, …" and "In the first report of deaths, …" say which.
const DEFINITE_LEAD_IN =
  /^(?:during|in|at|under|after|before|throughout|following|from|through|amid|since|on)\s+the\s+((?:(?!(?:of|to|for|with|from|and|or|by|in|on|at|the|a|an)\s)[\p{L}\d][\p{L}\d’'-]*\s+){0,3}?)([\p{Ll}][\p{L}’'-]*)\s*,/iu;
// Heads of such a lead-in that name no occasion: "In the meantime, …", "In the past, …", "For the most
// part, …".
const LEAD_IN_PLAIN = new Set('meantime past future interim part whole least most end same'.split(' '));

/**
 * The head noun of an opening phrase that names an occasion by "the" alone ("During the interview, …" →
 * "interview"), or null. It stands when an earlier digest sentence or the title holds the noun.
 */
export function definiteLeadIn(text: string): string | null {
  const m = DEFINITE_LEAD_IN.exec(text);
  if (!m) return null;
  // "In the justices’ order, …", "At the mayor's request, …": a possessive says whose.
  if (/['’]s?\s/u.test(m[1] as string)) return null;
  const noun = (m[2] as string).toLowerCase();
  return LEAD_IN_PLAIN.has(noun) || KNOWN_DEFINITES.has(noun) || TIME_NOUNS.has(noun) || TIME_WORDS.has(noun)
    ? null
    : noun;
}

// The first word after the day names what is meant ("Monday's vote count" → "vote"): an adjective there
// ("Monday's split decision") will not be found earlier either, and the sentence is left out.
const DAY_POSSESSIVE_SUBJECT =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Yesterday|Today|Tonight)['’]s\s+([\p{Ll}][\p{L}-]*)/u;

/**
 * The head noun of a sentence's definite, lower-case subject ("The policy was seen …" → "policy"), or null
 * when it opens otherwise or names something ("The Senate voted …", "The White House said …"). A reader of
 * the digest alone knows "the policy" only when an earlier sentence or the title has said which one.
 */
export function definiteSubject(text: string): string | null {
  const bare = text.replace(/^["“]/, '');
  // "Monday's decision upheld …": a day's X is as definite as "the X" — which decision?
  const dayOf = DAY_POSSESSIVE_SUBJECT.exec(bare)?.[1]?.toLowerCase();
  if (dayOf !== undefined) return KNOWN_DEFINITES.has(dayOf) ? null : dayOf;
  const m = DEFINITE_SUBJECT.exec(bare) ?? DEFINITE_SUBJECT_APPOSITION.exec(bare);
  // "The daughter of Senator Ann Ross …" says whose: a name after "of" resolves the subject.
  if (m?.[0].endsWith(' of') && /^\s+(?:the\s+)?\p{Lu}/u.test(bare.slice(m[0].length))) return null;
  // "The justices’ order …", "The council's plan …": a possessive says whose.
  if (m?.[1] !== undefined && /(?:['’]s?)\s/u.test(m[1])) return null;
  // "The federal budget deficit grew …", "The national unemployment rate rose …": a modifier naming the polity
  // makes the thing one of a kind, as "the economy" is.
  if (m?.[1]?.split(/\s+/).some((w) => UNIQUE_MODIFIERS.has(w.toLowerCase()))) return null;
  const noun = m?.[2]?.toLowerCase();
  return noun === undefined || KNOWN_DEFINITES.has(noun) || TIME_WORDS.has(noun) ? null : noun;
}

// A speaker named only as "the X" in a speech tag: "Most of the savings go to the richest, the center said.",
// "…, the government official said." — which center, which official? (The subject form, "The center said …", is definiteSubject's.)
const DEFINITE_SPEAKER =
  /\b[Tt]he\s+(?:[\p{Ll}][\p{L}’'-]*\s+)?([\p{Ll}][\p{L}’'-]*)\s+(?:said|says|added|adds|noted|notes|estimated|estimates|found|finds|wrote|writes|reported|reports|argued|argues)\b/gu;

/**
 * The noun of a speaker named only by "the X" in the outlet's voice ("…, the center said." → "center"), or
 * null when there is none or it is an institution everyone places ("the court said", "the ministry said").
 * The sentence stands when an earlier digest sentence or the title holds the noun.
 */
export function definiteSpeaker(voice: string): string | null {
  for (const m of voice.matchAll(DEFINITE_SPEAKER)) {
    const noun = (m[1] as string).toLowerCase();
    if (!KNOWN_DEFINITES.has(noun)) return noun;
  }
  return null;
}

const UNIQUE_MODIFIERS = new Set(
  'federal national nationwide global worldwide international statewide citywide countrywide'.split(' '),
);

// Words of time that the subject pattern may take for a head when the day follows ("The order late Wednesday
// …"): never the subject's noun.
const TIME_WORDS = new Set(['late', 'early', 'last', 'next', 'this']);

// Definite subjects a reader places without an antecedent: the institutions and roles of public life, which
// news names as "the court", "the government", "the public", "the economy" — there is one in the story's
// world. A thing or an act ("the policy", "the coffin", "the effort") needs saying which.
const KNOWN_DEFINITES = new Set(
  'public government administration court courts president presidency network police army military navy ministry department agency agencies committee panel council parliament legislature senate house congress jury judge judges justices prosecutors prosecution defense defence campaign economy market markets stock stocks country nation state states city world industry company party parties union electorate voters opposition majority minority white'.split(
    ' ',
  ),
);

// A subject set against one the digest may not hold: "Other analysts said …", "Another officer described …",
// "A second fight is looming …" — other than whom, a second after which? Its head noun runs up to the verb
// or a comma ("Other political strategists, meanwhile, said" → "strategists").
const COMPARED_SUBJECT =
  /^(?:[Oo]ther(?!\s+than\b)|[Aa]nother|[Aa]\s+(?:second|third|fourth|fifth))\s+((?:(?!(?:of|in|from|at|on|near|outside|inside|who|whom|whose|which|with|is|was|are|were|has|had|have|will|would|could|can|may|might|must|should|did|does|do)\s)[\p{Ll}\d][\p{L}\d’'-]*\s+){0,3})(?!(?:is|was|are|were|has|had|have|will|would|could|can|may|might|must|should|did|does|do)\b)([\p{Ll}][\p{L}’'-]*)(?:\s*,|\s+(?:of|in|from|at|on|near|outside|inside|who|whom|whose|which|with|is|was|are|were|has|had|have|will|would|could|can|may|might|must|should|did|does|do|said|says|[\p{Ll}]+ed|[\p{Ll}]+s)\b)/u;

/**
 * The head noun of a subject that compares with something said before ("Other strategists said …" →
 * "strategists"; "Another officer …" → "officer"), or null. It stands when an earlier digest sentence (or the
 * story title) holds the noun.
 */
export function comparedSubject(text: string): string | null {
  const m = COMPARED_SUBJECT.exec(text.replace(/^["“]/, ''));
  return m?.[2]?.toLowerCase() ?? null;
}

// A person named by surname alone as the sentence's subject ("Kestrel hopes to …", "Doe’s plan is …"),
// or anywhere after an honorific ("… did not dispute that Ms Doe made the comment").
const SURNAME_SUBJECT = /^(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?:['’]s)?\s+\p{Ll}/u;
const HONORIFIC_NAME = /\b(?:Mr|Mrs|Ms|Dr)\.?\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\b/gu;

/**
 * The surnames a sentence uses alone (its opening subject, or after an honorific) that its article
 * introduced earlier by a fuller name ("Jack Doe …", then "Doe hopes to …" or "Mr. Doe said …"). Alone in
 * the digest, "Doe" is nobody unless an earlier sentence, the title or most of the story's articles name
 * him. `before` is the article's text before the sentence.
 */
export function surnamesAlone(text: string, before: string): string[] {
  const names = [SURNAME_SUBJECT.exec(text)?.[1], ...[...text.matchAll(HONORIFIC_NAME)].map((m) => m[1])];
  const out: string[] = [];
  // "Ms Doe" earlier is not a fuller name.
  const plain = before.replace(/\b(?:Mr|Mrs|Ms|Dr)\.?\s+/gu, '');
  for (const name of names) {
    // A word the article also writes in lower case is a word, not a name ("The …", "Harbour fees …").
    if (name === undefined || out.includes(name) || new RegExp(`\\b${name.toLowerCase()}\\b`).test(before))
      continue;
    // Introduced by a fuller name earlier in the article: a capitalised word right before it ("Jack Doe").
    if (new RegExp(`\\p{Lu}[\\p{L}’'-]*\\s+${name}\\b`, 'u').test(plain)) out.push(name);
  }
  return out;
}

// A "the X" in the middle of a sentence that points back to what its article said before: "Several hundred
// of the convoy set off again on Friday.", "…, a month after the committee hearing, cast the donor as …" —
// which convoy, which hearing? The article named it a paragraph earlier; the digest, which takes the
// sentence alone, did not. A definite that the article never used before is a first mention that says enough
// by itself ("the northern edge of the county", "the burned-out shell of a van"), so only a head noun the
// article printed before the sentence counts. A complement says which ("the hearing of the committee", "the
// plan to close the plant", "the convoy, which left …"); a name in the phrase places it ("the Senate
// hearing" is left to the reader) and so does a ranking word ("the first hearing", "the latest count").
const DEFINITE_COMPLEMENT = new Set(
  'of to that who whom whose which where when by in on at for from about over against with under between among near after before during into as like than'.split(
    ' ',
  ),
);
const RANKING_WORDS = new Set(
  'first second third fourth fifth last next only same latest previous former current whole entire other final initial new old'.split(
    ' ',
  ),
);
// Plural words without the -s ending, and those that stand for a group: what "them" can point to in its
// own sentence ("The police stopped two men and questioned them.").
const PLURAL_WORDS = new Set(
  'men women children people police staff crew crews family families public data media personnel'.split(' '),
);

/** What in a sentence points outside it: see anaphoricDefinites and unplacedThem. */
export interface SentencePointers {
  /** Head nouns of mid-sentence "the X" phrases whose noun the article printed before the sentence. */
  definites: string[];
  /** A "they"/"them" in the author's voice with no plural word before it in the sentence. */
  unplacedPlural: boolean;
}

/**
 * What a sentence (its author's voice: quotations blanked) points to outside itself, given its article's
 * text before it. One part-of-speech reading serves both questions.
 */
export function sentencePointers(voice: string, before: string): SentencePointers {
  if (!/\p{L}/u.test(voice)) return { definites: [], unplacedPlural: false };
  const { tokens } = tokenize({
    text: voice,
    paragraphs: [{ start: 0, end: voice.length, kind: 'paragraph' }],
  });
  const earlier = new Set((before.toLowerCase().match(/[a-z][a-z'’-]*/g) ?? []).map(stem));
  const definites: string[] = [];
  let plural = false;
  let unplacedPlural = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as (typeof tokens)[number];
    const lower = t.text.toLowerCase();
    if ((lower === 'them' || lower === 'they') && i > 0 && !plural) unplacedPlural = true;
    if (
      t.pos === 'NUM' ||
      PLURAL_WORDS.has(lower) ||
      ((t.pos === 'NOUN' || t.pos === 'PROPN') && /[^su'’]s$/i.test(t.text) && !/(?:ss|us|is)$/i.test(t.text))
    )
      plural = true;
    // "The …" opening the sentence is definiteSubject's (stricter: any definite subject).
    if (t.text !== 'the' || i === 0) continue;
    let j = i + 1;
    const run: typeof tokens = [];
    while (j < tokens.length && run.length < 4) {
      const x = tokens[j] as (typeof tokens)[number];
      if (x.pos !== 'ADJ' && x.pos !== 'NOUN' && x.pos !== 'PROPN') break;
      run.push(x);
      j++;
    }
    const head = run[run.length - 1];
    if (head?.pos !== 'NOUN' || !/^\p{Ll}[\p{Ll}'’-]*$/u.test(head.text)) continue;
    if (
      run.some(
        (x) => /^\p{Lu}/u.test(x.text) || RANKING_WORDS.has(x.text.toLowerCase()) || /est$/.test(x.text),
      )
    )
      continue;
    const after = tokens[j];
    const afterWord = after?.text.toLowerCase() ?? '';
    if (DEFINITE_COMPLEMENT.has(afterWord) || /^['’]s?$/.test(afterWord)) continue;
    // A participle says which as a clause would: "the reporters covering the port", "the boats carrying fish".
    if (after?.pos === 'VERB' && /ing$/.test(afterWord)) continue;
    if (afterWord === ',' && /^(?:who|which|whose|where|a|an|the)$/i.test(tokens[j + 1]?.text ?? ''))
      continue;
    const noun = head.text.toLowerCase();
    if (
      KNOWN_DEFINITES.has(noun) ||
      TIME_NOUNS.has(noun) ||
      TIME_WORDS.has(noun) ||
      LEAD_IN_PLAIN.has(noun) ||
      !earlier.has(stem(noun))
    )
      continue;
    if (!definites.includes(noun)) definites.push(noun);
  }
  return { definites, unplacedPlural };
}
