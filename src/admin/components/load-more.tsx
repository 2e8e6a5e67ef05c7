import { Button } from "@medusajs/ui"

/** "Load more" under a list read by cursor, shown while the server has a next page. */
export const LoadMore = ({
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
}: {
  hasNextPage: boolean
  isFetchingNextPage: boolean
  fetchNextPage: () => unknown
}) =>
  hasNextPage ? (
    <div className="flex justify-center px-6 py-3">
      <Button size="small" variant="secondary" isLoading={isFetchingNextPage} onClick={() => fetchNextPage()}>
        Load more
      </Button>
    </div>
  ) : null
