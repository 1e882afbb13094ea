### Interface text of the help site for the end of ChatGPT on WhatsApp.
###
### Variables the build provides to every message:
###   $phase       upcoming, last-day or ended
###   $days_left   days until the last day (not provided once the service has ended)
###   $end_date    the last day of the service, for DATETIME()
###   $date_announced  the day the end was announced, for DATETIME()
### PLURAL($n) gives the CLDR plural category of $n (zero, one, two, few, many, other);
### DATETIME($date) gives the language’s long date.
### Names stay as they are: ChatGPT, WhatsApp, OpenAI, Meta, Meta AI, 1-800-ChatGPT.

## Whole site

site-name = ChatGPT on WhatsApp: end of service
skip-link = Skip to main content
languages-label = Language
pages-label = Pages of this help site
last-updated = Last updated { DATETIME($date) }
footer-independent = This help site explains the end of ChatGPT on WhatsApp. It collects no data and loads nothing from other sites.
# In the footer of every page: a link to this language’s feed of the updates (Atom), for feed readers.
updates-follow = Follow updates to this notice in a feed reader (Atom feed)
untranslated-notice = This page has not been translated into this language yet. Until it is, here is the original text, in English.
untranslated-link = Open the original page

## Language chooser (/) and missing page (/404.html)

root-description = Information about the end of ChatGPT on WhatsApp and what it means for your chats with ChatGPT, in English, Arabic, Turkish, Indonesian, and French.
not-found-title = Page not found
not-found-text = This page does not exist. Read about the end of ChatGPT on WhatsApp in English.

## Status box, on every page

status-upcoming = { PLURAL($days_left) ->
    [one] Tomorrow is the last day
   *[other] The last day is in { $days_left } days
}
status-last-day = Today is the last day
# In place of the countdown on a page read some days after it was built.
status-ending = ChatGPT on WhatsApp is ending
status-ended = ChatGPT on WhatsApp has ended
# Followed by the date of the last day.
status-last-day-is = Last day of service:
# Shown only without JavaScript, under a countdown: the day the page counted from.
status-as-of = As of { DATETIME($date) }.

## Notice page

# The main button, to the linking steps; once linking has closed, that page says what became
# of the chats.
cta-link = { $phase ->
    [ended] Your chats with ChatGPT after the service ended
   *[other] How to keep your chats with ChatGPT
}
cta-faq = Questions and answers
# Above the list of the notice’s updates, the latest first; also the feed’s name in browsers.
updates-heading = Updates to this notice

## Questions and answers page

faq-contents = Questions on this page

## Link your account page

link-banner-upcoming = { PLURAL($days_left) ->
    [one] To keep your chats with ChatGPT, link your WhatsApp number to your ChatGPT account. Tomorrow is the last day to do this.
   *[other] To keep your chats with ChatGPT, link your WhatsApp number to your ChatGPT account. The last day to do this is in { $days_left } days.
}
link-banner-last-day = To keep your chats with ChatGPT, link your WhatsApp number to your ChatGPT account now. Today is the last day to do this.
link-banner-ended = The last day to link your WhatsApp number to your ChatGPT account was { DATETIME($end_date) }.

## Used inside the Markdown pages as {{ id }}

end-date = { DATETIME($end_date) }
announced-date = { DATETIME($date_announced) }

## Calendar reminder (<lang>/remind-me.ics), offered while the service still runs

reminder-link = Add a reminder to your calendar
reminder-title = Last day to link your WhatsApp number to your ChatGPT account
# The calendar’s alert, shown some days before the last day or on the last day itself. $date is the last day.
reminder-alert = Reminder: the last day to link your WhatsApp number to your ChatGPT account and keep your chats with ChatGPT is { DATETIME($date) }.
# Shown in the calendar event, which is on the last day.
reminder-description = The last day of ChatGPT on WhatsApp is { DATETIME($end_date) }. To keep your chats with ChatGPT, link your WhatsApp number to your ChatGPT account before the service stops. The exact time the service stops has not been announced, so do not wait. The steps are on the help site, at the address below.
# Starts the calendar event’s text once its date has moved. $changed is the day it moved, $from the last day before, $date the last day now.
reminder-changed = This date changed on { DATETIME($changed) }. The last day was { DATETIME($from) }; it is now { DATETIME($date) }.
