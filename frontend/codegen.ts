import type { CodegenConfig } from '@graphql-codegen/cli'

// Types come from the contract the backend exports; one .graphql file per operation.
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/graphql/operations/**/*.graphql'],
  ignoreNoDocuments: true,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
        skipTypename: false,
        avoidOptionals: false,
      },
    },
  },
}

export default config
