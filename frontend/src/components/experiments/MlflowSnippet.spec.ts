import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import MlflowSnippet from './MlflowSnippet.vue'

describe('MlflowSnippet', () => {
  it('shows both variables and three lines of Python for the named experiment', () => {
    const wrapper = mount(MlflowSnippet, { props: { trackingUri: 'http://host/api/v4/projects/1/ml/mlflow', experimentName: 'my "exp"' } })
    expect(wrapper.find('[data-testid="mlflow-snippet"]').text().split('\n')).toEqual([
      'export MLFLOW_TRACKING_URI=http://host/api/v4/projects/1/ml/mlflow',
      'export MLFLOW_TRACKING_TOKEN=<your token>',
      '',
      'import mlflow',
      'mlflow.set_experiment("my \\"exp\\"")',
      'with mlflow.start_run(): mlflow.log_metric("loss", 0.1)',
    ])
  })

  it('puts a given token in place of the placeholder', () => {
    const wrapper = mount(MlflowSnippet, { props: { trackingUri: 'http://host', token: 'lbpat-secret' } })
    expect(wrapper.find('[data-testid="mlflow-snippet"]').text()).toContain('export MLFLOW_TRACKING_TOKEN=lbpat-secret')
    expect(wrapper.find('[data-testid="mlflow-snippet"]').text()).toContain('mlflow.set_experiment("my-experiment")')
  })
})
