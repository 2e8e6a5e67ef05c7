import { describeLocation, searchLocations } from "../hooks/api/store-records"
import { SearchFilter } from "./search-filter"

/** A form's stock location, searched on the server as one types; `""` while none is chosen. */
export const LocationPicker = ({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string
  placeholder: string
  value: string
  onChange: (locationId: string) => void
}) => (
  <SearchFilter
    label={label}
    value={value || undefined}
    onChange={(v) => onChange(v ?? "")}
    search={searchLocations}
    describe={describeLocation}
    clearable={false}
    placeholder={placeholder}
    className="w-full"
  />
)
