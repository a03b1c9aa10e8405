/**
 * The CSV and XLSX downloads of one export (`<path>.csv` and `<path>.xlsx`, the same query),
 * as the two buttons every results panel shows.
 *
 * @example
 * <FileDownloads path={`/api/campaigns/${id}/results`} query="?subtree=4" csv="导出 CSV" xlsx="导出 Excel" />
 */
export function FileDownloads({
  path,
  query,
  csv,
  xlsx,
}: {
  path: string
  query: string
  csv: string
  xlsx: string
}) {
  return (
    <>
      <a className="button" href={`${path}.csv${query}`} download>
        {csv}
      </a>
      <a className="button" href={`${path}.xlsx${query}`} download>
        {xlsx}
      </a>
    </>
  )
}
