// The OpenAPI description of the JSON API, served at /api/openapi.json. Written by hand next to the routes
// in app.ts; test/server.test.ts checks that every documented path answers and every route is documented.

const error = {
  description: 'An error: a code and a one-line message.',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

const json = (description: string, schema: object) => ({
  description,
  content: { 'application/json': { schema } },
});

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Parallax library API',
    version: '1',
    description: 'Read the stories of a Parallax library: listing, one story’s comparison report, search.',
  },
  paths: {
    '/api/health': {
      get: {
        summary: 'Whether the server and its library answer',
        responses: {
          '200': json('Counts of the library', {
            type: 'object',
            required: ['ok', 'articles', 'stories'],
            properties: { ok: { const: true }, articles: { type: 'integer' }, stories: { type: 'integer' } },
          }),
          '503': error,
        },
      },
    },
    '/api/stories': {
      get: {
        summary: 'Stories, newest activity first',
        parameters: [
          { name: 'since', in: 'query', schema: { type: 'string', format: 'date' } },
          { name: 'outlet', in: 'query', schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 50 } },
        ],
        responses: {
          '200': json('The listing, shaped as schema/stories.schema.json', {
            $ref: 'https://parallax.invalid/schema/stories.schema.json',
          }),
          '400': error,
        },
      },
    },
    '/api/stories/{id}': {
      get: {
        summary: 'One story’s comparison report',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
        responses: {
          '200': json('A report with this one story, shaped as schema/report.schema.json', {
            $ref: 'https://parallax.invalid/schema/report.schema.json',
          }),
          '400': error,
          '404': error,
        },
      },
    },
    '/api/search': {
      get: {
        summary: 'Full-text search over titles and texts',
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 20 } },
        ],
        responses: {
          '200': json('Hits, best first, with the matched words between [ and ] in the snippet', {
            type: 'object',
            required: ['query', 'hits'],
            properties: {
              query: { type: 'string' },
              hits: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'title', 'outlet', 'published', 'snippet', 'story'],
                  properties: {
                    id: { type: 'string' },
                    title: { type: ['string', 'null'] },
                    outlet: { type: ['string', 'null'] },
                    published: { type: ['string', 'null'] },
                    snippet: { type: 'string' },
                    story: { type: ['integer', 'null'] },
                  },
                },
              },
            },
          }),
          '400': error,
        },
      },
    },
  },
} as const;
