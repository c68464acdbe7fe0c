import { ref } from 'vue'

export const MIN_COMPARE = 2
export const MAX_COMPARE = 20

export function useSelection() {
  const selected = ref<number[]>([])
  const canCompare = () => selected.value.length >= MIN_COMPARE && selected.value.length <= MAX_COMPARE
  return { selected, canCompare }
}
