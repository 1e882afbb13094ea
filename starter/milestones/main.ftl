deletion-date = { DATETIME($date_data-deleted) }
# Under the status once the service has ended: the next milestone and the days until it.
next-data-deleted = { $phase_data-deleted ->
    [last-day] Stored data is deleted at the end of today
   *[upcoming] { PLURAL($days_until_data-deleted) ->
        [one] Stored data is deleted tomorrow
       *[other] Stored data is deleted in { $days_until_data-deleted } days
    }
}
    .stale = Stored data is deleted at the end of { DATETIME($date_data-deleted) }
