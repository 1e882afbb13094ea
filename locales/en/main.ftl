### Interface text of the help site for the end of ChatGPT on WhatsApp.
###
### Variables the build provides to every message:
###   $phase       upcoming, last-day or ended
###   $days_left   days until the last day (not provided once the service has ended)
###   $end_date    the last day of the service, for DATETIME()
###   $date_announced  the day the end was announced, for DATETIME()
### PLURAL($n) gives the CLDR plural category of $n (zero, one, two, few, many, other);
### DATETIME($date) gives the language's long date.
### Names stay as they are: ChatGPT, WhatsApp, OpenAI, Meta, Meta AI, 1-800-ChatGPT.

## Whole site

site-name = ChatGPT on WhatsApp: end of service
skip-link = Skip to the content
languages-label = Language
pages-label = Pages of this help site
last-updated = Last updated on { DATETIME($date) }
footer-independent = This page explains the end of ChatGPT on WhatsApp. It collects no data and loads nothing from other sites.

## Language chooser (/) and missing page (/404.html)

root-description = What the end of ChatGPT on WhatsApp means for you and how to keep your chats, in English, Arabic, Turkish, Indonesian and French.
not-found-title = Page not found
not-found-text = This page does not exist. Read the notice in English.

## Status box, on every page

status-upcoming = { PLURAL($days_left) ->
    [one] { $days_left } day left
   *[other] { $days_left } days left
}
status-last-day = Today is the last day
status-ended = ChatGPT on WhatsApp has ended
# Followed by the date of the last day.
status-last-day-is = Last day of the service:

## Notice page

cta-link = Keep your chats
cta-faq = Questions and answers

## Questions and answers page

faq-contents = Questions on this page

## Link your account page

link-banner-upcoming = { PLURAL($days_left) ->
    [one] You have { $days_left } day left to link your WhatsApp number to a ChatGPT account and keep your chats.
   *[other] You have { $days_left } days left to link your WhatsApp number to a ChatGPT account and keep your chats.
}
link-banner-last-day = Today is the last day to link your WhatsApp number to a ChatGPT account. Do it now to keep your chats.
link-banner-ended = Linking closed on { DATETIME($end_date) }. Chats that were not linked by then can no longer be moved to ChatGPT.

## Used inside the Markdown pages as {{ id }}

end-date = { DATETIME($end_date) }
announced-date = { DATETIME($date_announced) }

## Calendar reminder (<lang>/remind-me.ics), offered while the service still runs

reminder-link = Add a reminder to your calendar
reminder-title = Last day to link your WhatsApp number to ChatGPT
reminder-description = ChatGPT stops answering on WhatsApp after { DATETIME($end_date) }. Link your WhatsApp number to a ChatGPT account today to keep your chats. The steps are on the page linked to this event.
