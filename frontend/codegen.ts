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
        // Long (64-bit: steps, byte sizes, counts) is a JSON number up to 2^53 - 1 and a decimal
        // string beyond (see schema.graphql). The app reads it as a number: its values stay far
        // below 2^53 (9 PB, 9e15 steps); a larger one would show as its exact digits.
        scalars: { DateTime: 'string', JSON: 'unknown', Long: 'number' },
        skipTypename: false,
        avoidOptionals: false,
      },
    },
  },
}

export default config
