// Notes a newsroom adds about the article itself: "This is a developing story.", "This story has been
// updated.", "Editor's note: An earlier version of this piece gave the wrong date …",
// "We will update as the situation develops." They say how the report was made or changed, not what
// happened: no fact, no digest line, and cleaning drops a paragraph that opens with one. Read on allsides:
// "This story has been updated …" opens 70-odd paragraphs, "This is a developing story" ten; a live page's
// note ran on for three more sentences in the newsroom's voice (early reports may prove wrong, which sources
// it will rely on, that it will update), which became one outlet's exclusive "facts".

/** A label some outlets put before the note: "Editor's note:", "UPDATE March 27:", "CORRECTION:". */
const NOTE_LABEL =
  /^(?:editor[’']?s?[’']? note|editors note|update[d]?|correction|clarification)\b[^:]{0,30}:\s*/i;

/**
 * The story as its own subject: "This story/article/post/page …", "An earlier version of this …". Not "this
 * report": news about a government's report says "This report was revised in May to include …".
 */
const ABOUT_THE_STORY =
  /^(?:this is an? (?:developing|breaking|live|ongoing) (?:news )?(?:story|report|situation)\b|this (?:story|article|post|page|piece) (?:has been|was|will be|is being|is) (?:updated|corrected|revised|amended|developing)\b|an? (?:earlier|previous) version of this (?:story|article|report|post|page|piece)\b)/i;

/** The newsroom promising more: "We will update …", "Check back for updates.", "Please refresh for updates." */
const MORE_TO_COME =
  /^(?:(?:we|we['’]ll) (?:will )?(?:update|be updating|continue to update|keep updating)\b|(?:please )?(?:check back|refresh)(?: (?:here|later|soon))? for (?:updates|more)\b)/i;

/** Whether a sentence is a newsroom's note about the article itself (see the file comment). */
export function isNoteAboutTheStory(sentence: string): boolean {
  const text = sentence.trim().replace(NOTE_LABEL, '');
  return ABOUT_THE_STORY.test(text) || MORE_TO_COME.test(text);
}

/**
 * The longest paragraph a note opens and is dropped with: the live page's note above had 55 words; a
 * paragraph of reporting after a one-line note glued to it by a bad break is longer and stays.
 */
const MAX_NOTE_WORDS = 80;

/** A paragraph that opens with a newsroom's note about the article and is short enough to be all note. */
export function isNewsroomNote(paragraph: string): boolean {
  const text = paragraph.trim();
  if (text.split(/\s+/).length > MAX_NOTE_WORDS) return false;
  const first = /^.*?[.!?](?=\s|$)/s.exec(text.replace(NOTE_LABEL, ''))?.[0] ?? text;
  return isNoteAboutTheStory(first);
}
