// Parallax as a library: what `import … from 'parallax-news'` gives. The functions run the same pipeline
// as the command line; the types are the report contract (schema/report.schema.json) and the article
// model. See "Using Parallax from code" in the README, and its versioning policy.
export { type AnalyzeOptions, analyze, annotate, type PipelineApiOptions } from './api/analyze.js';
export type { ArticleInput, Articles } from './api/articles.js';
export {
  type Library,
  type LibraryIngestOptions,
  type LibrarySearchHit,
  type OpenLibraryOptions,
  openLibrary,
} from './api/library.js';
export { DEFAULT_MAX_STORY_ARTICLES } from './config.js';
export { type ErrorCode, ParallaxError } from './errors.js';
export type { IngestProgress, IngestSummary } from './library/ingest.js';
export type { MemberExplanation, StoryListingEntry } from './library/stories.js';
export type * from './model/article.js';
export type * from './model/report.js';
export { REPORT_VERSION } from './model/report.js';
export type { Refusal } from './pipeline/articles.js';
export type {
  SearchHit,
  StoryDetail,
  StoryListOptions,
  StoryMember,
  StoryOrder,
  StorySummary,
} from './store/store.js';
