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
# Reminders, one per milestone with `remind = true`: $milestone is its name, $date its day.
reminder-link = { $milestone ->
    [data-deleted] Add the deletion date, { DATETIME($date) }, to your calendar
   *[service-ends] Add the last day, { DATETIME($date) }, to your calendar
}
reminder-title = { $milestone ->
    [data-deleted] Example Service deletes stored data
   *[service-ends] Last day to keep your Example Service data
}
reminder-alert = { $milestone ->
    [data-deleted] Reminder: what is still stored in Example Service is deleted at the end of { DATETIME($date) }.
   *[service-ends] Reminder: { DATETIME($date) } is the last day to keep your Example Service data.
}
reminder-description = { $milestone ->
    [data-deleted] Example Service deletes the data it still stores at the end of { DATETIME($date) }. The page linked here says what to do.
   *[service-ends] Example Service stops after { DATETIME($date) }. Keep your data before then: the page linked here shows how.
}
