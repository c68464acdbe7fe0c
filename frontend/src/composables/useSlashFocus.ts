import { onMounted, onBeforeUnmount, type Ref } from 'vue'

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/** Pressing `/` anywhere outside a text field focuses the page's search box. */
export function useSlashFocus(input: Ref<HTMLInputElement | null>): void {
  function onKey(event: KeyboardEvent): void {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return
    if (isTyping(event.target) || !input.value) return
    event.preventDefault()
    input.value.focus()
  }
  onMounted(() => document.addEventListener('keydown', onKey))
  onBeforeUnmount(() => document.removeEventListener('keydown', onKey))
}
