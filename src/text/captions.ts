// Photo captions and credits printed in an article's text: a page's picture furniture, not what the outlet
// reports. The digest leaves them out of its own voice and the facts leave them out of the comparison: two
// wire copies that both keep "(Agency Photo/Jane Doe)" share no fact, and a caption is no outlet's exclusive.

// Photo captions and credits: "Image caption Rescuers search the rubble.", "Photo: Jane Doe", "(AP
// Photo/John Roe)", "… Getty Images", "Credit: …".
const CAPTION =
  /\b(?:image caption|image copyright|photo(?:graph)?:|photo by|photo credit|file photo|credit:|caption:)|\((?:\w+ )?photos?\b|getty images|\/\s*(?:getty|afp|reuters|ap)\b|\bvia getty\b/i;
// An agency photo caption printed as a sentence: a person in the present tense of a picture ("speaks",
// "gestures", "looks on", "arrives") and the full date it was taken: "Minister Jana Roe speaks during a
// meeting in Halden on March 3, 2019.", "… on Wednesday, Sept. 4, 2019."), or a place and the date after a
// comma with no "on", a weekday before it or not ("Minister Jana Roe during a meeting in Halden, Norway, March
// 3, 2019.", "… in Halden, Tuesday June 2, 2020."), or people in the plural present ("Ana Roe and Tom Lee shake
// hands after …") with the place run straight into the date ("… in Halden, Norway June 12, 2018."). A report tells
// what happened in the past tense and names the day with "on". Position marks in a picture ("Jana Roe (L)
// and Ann Lee (R) speak …", or between commas after a name: "Pilot Ana Reyes, right, is greeted by …") and
// a video player's "CLOSE" left in the text are captions too.
const PICTURE_MARK =
  /\((?:L|R|C|left|right|center|centre|front|back|top|bottom|2nd L|2nd R)\)|^CLOSE\s+\p{Lu}|\p{Lu}\p{Ll}+,\s+(?:left|right|center|centre|second from (?:left|right)|far (?:left|right)|foreground|background),\s+(?:and|is|are|was|were|\p{Ll}+s)\b/u;
const DATED_CAPTION =
  /\b(?:speaks|gestures|looks on|arrives|departs|walks|waves|listens|stands|sits|attends|delivers|holds|poses|leaves|talks|reacts|smiles|greets|shakes hands|addresses|conducts|gives|is seen|are seen|pictured)\b.*\b(?:on|in)\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+\d{1,2},\s+\d{4}\.$|(?<!\b(?:on|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)),\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+\d{1,2},\s+\d{4}\.$|\b(?:speak|gesture|look on|arrive|walk|wave|listen|attend|pose|talk|react|smile|greet|shake hands|embrace|hug)s?\b.*\b[A-Z][a-z]+\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+\d{1,2},\s+\d{4}\.$/;

// A caption without a date: a name of two or more capitalised words (titles allowed) before a picture verb in
// the present tense, then where or with whom: "Governor Ana Reyes shakes hands with Mayor Tom Hale during
// their meeting at the town hall." A report says what happened in the past tense ("shook hands"); a fresh
// nine-outlet digest opened with such a caption. Not a pronoun or a connective ("He talks to us", "When Ana
// Reyes arrives …", "To listen to …") and not "stands"/"sits", which report standings ("Ana Reyes stands
// at 45% in the race"): on 8,000 allsides articles the shape matches 281 distinct sentences, nearly all captions.
const NAMED_PICTURE =
  /^(?!(?:He|She|It|They|We|You|I|This|That|These|Those|When|While|If|As|To|The|On|In|At|Please|Our|Their|His|Her|Its)\s)\p{Lu}[\p{L}.'’-]*\s+(?:\p{Lu}[\p{L}.'’-]*\s+){1,7}(?:and\s+(?:\p{Lu}[\p{L}.'’-]*\s+){1,6})?(?:speaks?|gestures?|looks? on|arrives?|walks?|waves?|listens?|poses?|talks?|reacts?|smiles?|greets?|shakes? hands|embraces?|hugs?)\s+(?:with|during|at|as|to|in|after|before|upon|while|on)\b/u;

/** Whether a sentence is a photo caption or a photo credit rather than a sentence of the report. */
export function isPhotoCaption(text: string): boolean {
  return (
    CAPTION.test(text) || DATED_CAPTION.test(text) || PICTURE_MARK.test(text) || NAMED_PICTURE.test(text)
  );
}

// Who took a picture: "(Wire Photo/Jana Roe)", "(Jana Roe/Agency Photo)", "(Photo: Jana Roe)", and a line
// that opens "Photo: Jana Roe" or "Photo by Jana Roe" and holds nothing but the name (a line "Photo: Rescuers
// search the rubble" is a caption, whose people may be the story's). The photographer is no actor of the story: a name in
// a credit was a person with a mention in every wire copy of the same picture.
const PHOTO_CREDIT =
  /\([^()\n]{0,60}\b(?:photos?|photograph|pictures?|images?)\b\s*[/:][^()\n]{1,80}\)|\([^()\n]{1,60}\/\s*[^()\n]{0,40}\b(?:photos?|images?|pictures?)\)|(?:^|\n)\s*(?:photo|photograph|picture)(?:\s*:|\s+by)\s+(?:\p{Lu}[\p{L}.'’-]*\s?){1,4}(?=\s*(?:$|\n|\/|,|\|))/gimu;

/** The spans of the photo credits in a text ([start, end) offsets), in order. */
export function photoCreditSpans(text: string): { start: number; end: number }[] {
  return [...text.matchAll(PHOTO_CREDIT)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}
