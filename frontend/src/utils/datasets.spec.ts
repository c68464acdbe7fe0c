import { describe, expect, it } from 'vitest'
import { datasetContext, datasetLocation } from './datasets'

describe('datasets', () => {
  it('finds the location in the source JSON', () => {
    expect(datasetLocation('{"uri": "s3://bucket/train.parquet"}')).toBe('s3://bucket/train.parquet')
    expect(datasetLocation('{"url": "https://x/y.csv"}')).toBe('https://x/y.csv')
    expect(datasetLocation('{"other": 1}')).toBe('{"other": 1}')
    expect(datasetLocation('not json')).toBe('not json')
  })

  it('reads the context tag', () => {
    expect(datasetContext([{ name: 'mlflow.data.context', value: 'training' }])).toBe('training')
    expect(datasetContext([])).toBe('')
  })
})
