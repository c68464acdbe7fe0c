import { marked } from 'marked'
import DOMPurify from 'dompurify'

/** Markdown to HTML that is safe to put in the page: raw HTML is sanitized, links open safely. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: true })
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } })
}
