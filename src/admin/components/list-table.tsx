import { Table, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useNavigate } from "react-router-dom"
import { ListPagination, type ListPage } from "./list-pagination"

export type ListColumn<Row> = {
  /** The header cell's content; none for a column of row actions. */
  header?: ReactNode
  cell: (row: Row) => ReactNode
  /** On every body cell of the column. */
  className?: string
  headerClassName?: string
  /**
   * The cell holds its own link or control: a click there does what that control does and
   * does not also open the row.
   */
  ownClicks?: boolean
}

export type { ListPage } from "./list-pagination"

/**
 * A list page's table: a header row from `columns`, one row per item, a line of text when
 * there is nothing to show, and the dashboard's pager when `page` is given.
 */
export function ListTable<Row>({
  columns,
  rows,
  rowKey = (row) => (row as { id: string }).id,
  rowHref,
  isLoading = false,
  emptyText,
  error,
  page,
}: {
  columns: Array<ListColumn<Row>>
  rows: Row[]
  rowKey?: (row: Row, index: number) => string | number
  /** Where a click on the row leads (a dashboard path such as `/serial-numbers/sn_1`). */
  rowHref?: (row: Row) => string
  isLoading?: boolean
  /** Shown below the header once loaded with no rows. */
  emptyText?: ReactNode
  /** Shown in place of the table when the list could not be loaded. */
  error?: string
  page?: ListPage
}) {
  const navigate = useNavigate()
  return (
    <>
      {error ? (
        <div className="px-6 py-4">
          <Text className="text-ui-fg-error">{error}</Text>
        </div>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              {columns.map((column, i) => (
                <Table.HeaderCell key={i} className={column.headerClassName}>
                  {column.header}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((row, index) => (
              <Table.Row
                key={rowKey(row, index)}
                className={rowHref ? "cursor-pointer" : undefined}
                onClick={rowHref ? () => navigate(rowHref(row)) : undefined}
              >
                {columns.map((column, i) => (
                  <Table.Cell
                    key={i}
                    className={column.className}
                    onClick={column.ownClicks ? (e) => e.stopPropagation() : undefined}
                  >
                    {column.cell(row)}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {!error && !isLoading && rows.length === 0 && emptyText && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            {emptyText}
          </Text>
        </div>
      )}
      {page && <ListPagination {...page} />}
    </>
  )
}
