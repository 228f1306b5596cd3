// Timeline: dated events merged across articles. Implementation in progress.
import type { TimelineEntry } from '../../model/report.js';
import type { StoryContext } from '../context.js';

export function buildTimeline(_ctx: StoryContext): TimelineEntry[] {
  return [];
}
