import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { AppError } from '../http/errors'

/** A CJK font the PDF embeds: its bytes and, for a collection (.ttc), the face to use. */
export interface ReportFont {
  bytes: Buffer
  /** The PostScript name of the face in a collection; none for a single font file. */
  face?: string
}

// Debian's fonts-wqy-microhei ships a collection; its first face is the proportional one.
const DEFAULT_COLLECTION_FACE = 'WenQuanYiMicroHei'

/**
 * Reads the font the report PDF embeds (`REPORT_FONT`). A missing or unreadable file answers
 * 503 `reportFontMissing` naming the path: a PDF without a CJK font would print empty boxes.
 *
 * @example
 * const font = await loadReportFont('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')
 */
export async function loadReportFont(path: string, face?: string): Promise<ReportFont> {
  const bytes = await readFile(path).catch(() => {
    throw new AppError('reportFontMissing', `No CJK font at ${path} (set REPORT_FONT)`, { path })
  })
  const collection = ['.ttc', '.otc'].includes(extname(path).toLowerCase())
  return collection ? { bytes, face: face ?? DEFAULT_COLLECTION_FACE } : { bytes }
}
