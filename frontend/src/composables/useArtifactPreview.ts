import { onScopeDispose, ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import { fetchArtifact } from '@/utils/artifactFetch'
import { fetchLimit, imageType, previewKind, type PreviewKind } from '@/utils/artifactKind'
import { textPreview, type TextPreview } from '@/utils/artifactPreview'

export interface ArtifactFile {
  path: string
  size: number | null
  downloadPath: string
}

export type Preview = TextPreview | { kind: 'image'; url: string } | { kind: 'unsupported' } | { kind: 'tooLarge' }

export interface ArtifactPreviewState {
  preview: ShallowRef<Preview | null>
  truncated: Ref<boolean>
  error: Ref<string | null>
  loading: Ref<boolean>
}

/** Fetches the file (at most what its kind allows) whenever it changes; cancels the previous read. */
export function useArtifactPreview(file: () => ArtifactFile | null): ArtifactPreviewState {
  const preview = shallowRef<Preview | null>(null)
  const truncated = ref(false)
  const error = ref<string | null>(null)
  const loading = ref(false)
  let controller: AbortController | null = null
  let objectUrl: string | null = null

  function reset(): void {
    controller?.abort()
    controller = null
    if (objectUrl) URL.revokeObjectURL(objectUrl)
    objectUrl = null
    preview.value = null
    truncated.value = false
    error.value = null
    loading.value = false
  }

  async function load(target: ArtifactFile, kind: PreviewKind, limit: number): Promise<void> {
    const own = (controller = new AbortController())
    loading.value = true
    try {
      const read = await fetchArtifact(target.downloadPath, limit, own.signal)
      if (own.signal.aborted) return
      truncated.value = read.truncated
      if (kind === 'image') {
        objectUrl = URL.createObjectURL(new Blob([read.bytes], { type: imageType(target.path) }))
        preview.value = { kind: 'image', url: objectUrl }
      } else preview.value = textPreview(kind, target.path, read.bytes, read.truncated)
    } catch (e) {
      if (!own.signal.aborted) error.value = e instanceof Error ? e.message : String(e)
    } finally {
      if (controller === own) loading.value = false
    }
  }

  watch(
    () => file()?.path ?? null,
    () => {
      reset()
      const target = file()
      if (!target) return
      const kind = previewKind(target.path)
      const limit = fetchLimit(kind, target.size)
      if (kind === 'none') preview.value = { kind: 'unsupported' }
      else if (limit === null) preview.value = { kind: 'tooLarge' }
      else void load(target, kind, limit)
    },
    { immediate: true },
  )
  onScopeDispose(reset)
  return { preview, truncated, error, loading }
}
