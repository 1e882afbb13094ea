### Interface text. Variables from the build: $phase, $days_left (until the end),
### $end_date, $date_<name> for each date in site.toml. PLURAL($n) gives the CLDR plural
### form of $n; DATETIME($date) the language's long date.

site-name = Example Service: end of service
skip-link = Skip to the content
languages-label = Language
pages-label = Pages of this help site
last-updated = Last updated on { DATETIME($date) }
footer-independent = This page explains the end of Example Service. It collects no data and loads nothing from other sites.
# A link to this language's feed of the notice's updates, in every page's footer.
updates-follow = Follow updates to this notice in a feed reader
untranslated-notice = This page has not been translated into this language yet. Until it is, here is the original text, in English.
untranslated-link = Open the original page
root-description = What the end of Example Service means for you.
not-found-title = Page not found
not-found-text = This page does not exist. Read the notice in English.
status-upcoming = { PLURAL($days_left) ->
    [one] { $days_left } day left
   *[other] { $days_left } days left
}
status-last-day = Today is the last day
status-ended = Example Service has ended
status-last-day-is = Last day of the service:
# In place of the countdown on a page read some days after it was built.
status-ending = The service is ending
# Shown only without JavaScript, under a countdown: the day the page counted from.
status-as-of = As of { DATETIME($date) }.
cta-link = { $phase ->
    [ended] What happened to your data
   *[other] Keep your data
}
cta-faq = Questions and answers
# Above the notice's updates (locales/<lang>/updates.ftl), the latest first.
updates-heading = Updates to this notice
faq-contents = Questions on this page
link-banner-upcoming = { PLURAL($days_left) ->
    [one] You have { $days_left } day left to keep your data.
   *[other] You have { $days_left } days left to keep your data.
}
link-banner-last-day = Today is the last day to keep your data.
link-banner-ended = The last day to keep your data was { DATETIME($end_date) }.
end-date = { DATETIME($end_date) }
announced-date = { DATETIME($date_announced) }
# Reminders: $date is the day the reminder is for.
reminder-link = Add { DATETIME($date) } to your calendar
reminder-title = Last day to keep your Example Service data
reminder-alert = Reminder: { DATETIME($date) } is the last day to keep your Example Service data.
reminder-description = Example Service stops after { DATETIME($date) }. Keep your data before then: the page linked here shows how.
# Starts a reminder's text once its date has moved: $changed is the day it moved, $from the
# date before.
reminder-changed = This date changed on { DATETIME($changed) }. It was { DATETIME($from) } before; it is now { DATETIME($date) }.
